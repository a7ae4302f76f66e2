"""What the PyTorch peers report about their process (shared by ep_mnist_peer.py, gle_peer.py and localca_peer.py)."""

import os


def blas_library():
    """The BLAS library this process loaded (from /proc/self/maps): PyTorch's matrix products run on it, and
    Debian's reference BLAS (libblas3 alone, .../blas/libblas.so.3) is 10-25x slower than OpenBLAS
    (apt-get install -y libopenblas0-pthread), which would make the peer a strawman."""
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1]
                name = os.path.basename(path)
                if any(k in name for k in ("openblas", "blis", "mkl_rt", "libmkl", "libblas")):
                    return path
    except OSError:
        pass
    return "?"
