#!/usr/bin/python3
"""PyTorch peer of Plasticity's EP benchmark: the same prototypical equilibrium propagation, written as a
PyTorch expert would for speed on CPU.

Algorithm (identical to org.plasticity.ep with the same flags): a layered network 784-H...-10 with
Phi = sum_l s_{l+1} . (W_l s_l + b_l) - beta * l(s_L, y); synchronous updates s <- rho(dPhi/ds);
free phase of T1 steps from zero, nudged phases of T2 steps from s*, symmetric (+beta/-beta) or
one-sided estimator, MSE loss on the output neurons, SGD with momentum and layer-wise rates.

Speed measures: the input projection W_0 x + b_0 is computed once per batch (hoisted out of the
relaxation), no autograd anywhere (torch.no_grad), every product written into preallocated buffers with
out=, activations applied in place. Threads: torch.set_num_threads(--threads); run it with
OMP_WAIT_POLICY=PASSIVE (Debian's PyTorch busy-waits in OpenMP otherwise).

Prints one JSON line with the measured throughput (mean and fastest batch), or with --serve runs timed
rounds on request so that a caller can interleave them with its own (see peer_serve.py).
"""
import argparse
import gzip
import json
import math
import os
import resource
import struct
import time

import torch

from peer_blas import blas_library
from peer_serve import serve, timed


def load_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    t = torch.frombuffer(bytearray(data[4 + 4 * ndim:]), dtype=torch.uint8)
    return t.reshape(dims)


def find(directory, stem):
    for name in (stem, stem + ".gz"):
        p = os.path.join(directory, name)
        if os.path.exists(p):
            return p
    raise FileNotFoundError(f"{stem} not found in {directory}")


def mnist(directory):
    x = load_idx(find(directory, "train-images-idx3-ubyte")).reshape(-1, 784).float().div_(255.0)
    y = load_idx(find(directory, "train-labels-idx1-ubyte")).long()
    xt = load_idx(find(directory, "t10k-images-idx3-ubyte")).reshape(-1, 784).float().div_(255.0)
    yt = load_idx(find(directory, "t10k-labels-idx1-ubyte")).long()
    return x, y, xt, yt


class Activation:
    """rho applied in place to a buffer."""

    def __init__(self, name):
        self.name = name

    def __call__(self, t):
        if self.name == "mysig":          # 1/(1+exp(-4(u-0.5)))
            return t.mul_(4.0).sub_(2.0).sigmoid_()
        if self.name == "hard_sigmoid":   # clamp(u, 0, 1)
            return t.clamp_(0.0, 1.0)
        if self.name == "my_hard_sig":    # 0.5 clamp(u, 0, 2)
            return t.mul_(0.5).clamp_(0.0, 1.0)
        if self.name == "tanh":
            return t.tanh_()
        raise ValueError(self.name)


class EpNet:
    def __init__(self, sizes, batch, act, gen):
        self.sizes = sizes
        self.W, self.b = [], []
        for i in range(len(sizes) - 1):
            bound = 1.0 / math.sqrt(sizes[i])
            self.W.append((torch.rand(sizes[i + 1], sizes[i], generator=gen) * 2 - 1) * bound)
            self.b.append((torch.rand(sizes[i + 1], generator=gen) * 2 - 1) * bound)
        self.act = act
        self.alloc(batch)

    def alloc(self, batch):
        self.batch = batch
        hs = self.sizes[1:]
        self.xp = torch.empty(batch, hs[0])
        self.cur = [torch.zeros(batch, n) for n in hs]
        self.nxt = [torch.empty(batch, n) for n in hs]
        self.star = [torch.empty(batch, n) for n in hs]
        self.plus = [torch.empty(batch, n) for n in hs]
        self.minus = [torch.empty(batch, n) for n in hs]
        self.onehot = torch.zeros(batch, hs[-1])

    def bind(self, x, y):
        if x.shape[0] != self.batch:
            self.alloc(x.shape[0])
        torch.addmm(self.b[0], x, self.W[0].t(), out=self.xp)
        self.onehot.zero_()
        self.onehot.scatter_(1, y.view(-1, 1), 1.0)

    def relax(self, state, steps, beta):
        cur, nxt, L = state, self.nxt, len(state)
        for _ in range(steps):
            for l in range(L):
                # drive = bottom-up + top-down (+ nudge at the output)
                if l == 0:
                    nxt[0].copy_(self.xp)
                else:
                    torch.addmm(self.b[l], cur[l - 1], self.W[l].t(), out=nxt[l])
                if l + 1 < L:
                    nxt[l].addmm_(cur[l + 1], self.W[l + 1])
                if l == L - 1 and beta != 0.0:
                    nxt[l].add_(self.onehot, alpha=beta).add_(cur[l], alpha=-beta)
                self.act(nxt[l])
            for l in range(L):
                cur[l], nxt[l] = nxt[l], cur[l]
        return cur

    def copy(self, dst, src):
        for d, s in zip(dst, src):
            d.copy_(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hidden", type=int, nargs="+", default=[500])
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--t1", type=int, default=30)
    ap.add_argument("--t2", type=int, default=10)
    ap.add_argument("--beta", type=float, default=0.5)
    ap.add_argument("--estimator", choices=["symmetric", "one-sided"], default="symmetric")
    ap.add_argument("--activation", default="mysig")
    ap.add_argument("--lrs", type=float, nargs="+", default=None)
    ap.add_argument("--momentum", type=float, default=0.9)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batches", type=int, default=100, help="timed training batches")
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--data", default="", help="directory with the MNIST IDX files (else uniform noise)")
    ap.add_argument("--epochs", type=int, default=0, help="train this many full epochs and report test accuracy")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--serve", action="store_true", help="after the warm-up, run timed rounds on request (stdin)")
    ap.add_argument("--profile", type=int, default=0,
                    help="instead of a throughput run: min over this many repeats of each part of one batch (µs)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_grad_enabled(False)
    gen = torch.Generator().manual_seed(a.seed)
    sizes = [784] + a.hidden + [10]
    if a.data:
        x, y, xt, yt = mnist(a.data)
    else:
        n = max(a.batch * (a.batches + a.warmup), 1000)
        x = torch.rand(n, 784, generator=gen)
        y = torch.randint(0, 10, (n,), generator=gen)
        xt, yt = x[:1000], y[:1000]
    net = EpNet(sizes, a.batch, Activation(a.activation), gen)
    lrs = a.lrs or [0.05] * (len(sizes) - 1)
    params = [p for pair in zip(net.W, net.b) for p in pair]
    groups = [{"params": [net.W[i], net.b[i]], "lr": lrs[i]} for i in range(len(net.W))]
    for p in params:
        p.grad = torch.zeros_like(p)
    opt = torch.optim.SGD(groups, lr=lrs[0], momentum=a.momentum)
    beta = a.beta

    def train_batch(xb, yb):
        net.bind(xb, yb)
        for s in net.cur:
            s.zero_()
        st = net.relax(net.cur, a.t1, 0.0)
        net.cur = st
        net.copy(net.star, st)
        pred = st[-1].argmax(1)
        correct = (pred == yb).sum().item()
        net.copy(net.plus, net.star)
        plus = net.relax(net.plus, a.t2, beta)
        if a.estimator == "symmetric":
            net.copy(net.minus, net.star)
            other, coef = net.relax(net.minus, a.t2, -beta), -1.0 / (2 * beta * xb.shape[0])
        else:
            other, coef = net.star, -1.0 / (beta * xb.shape[0])
        update(xb, plus, other, coef)
        opt.step()
        return correct

    def update(xb, plus, other, coef):
        layers_p = [xb] + plus
        layers_o = [xb] + other
        for l in range(len(net.W)):
            g = net.W[l].grad
            # grad = coef * (s+_{l+1}^T s+_l - s-_{l+1}^T s-_l)
            torch.mm(layers_p[l + 1].t(), layers_p[l], out=g)
            g.addmm_(layers_o[l + 1].t(), layers_o[l], alpha=-1.0)
            g.mul_(coef)
            torch.sum(layers_p[l + 1] - layers_o[l + 1], 0, out=net.b[l].grad)
            net.b[l].grad.mul_(coef)

    def profile(repeats):
        """Minimum over repeats of each part of one batch (load-robust: the least disturbed repeat)."""
        xb, yb = x[:a.batch].contiguous(), y[:a.batch].contiguous()
        best = {k: float("inf") for k in ("batch", "projection", "free_step", "nudged_step", "update", "optimizer")}

        def timed(key, fn):
            t0 = time.perf_counter()
            r = fn()
            best[key] = min(best[key], time.perf_counter() - t0)
            return r

        for _ in range(repeats):
            timed("batch", lambda: train_batch(xb, yb))
            timed("projection", lambda: net.bind(xb, yb))
            for s in net.cur:
                s.zero_()
            st = net.relax(net.cur, a.t1 - 1, 0.0)
            st = timed("free_step", lambda: net.relax(st, 1, 0.0))
            net.cur = st
            net.copy(net.star, st)
            net.copy(net.plus, net.star)
            plus = net.relax(net.plus, a.t2 - 1, beta)
            plus = timed("nudged_step", lambda: net.relax(plus, 1, beta))
            net.copy(net.minus, net.star)
            minus = net.relax(net.minus, a.t2, -beta)
            timed("update", lambda: update(xb, plus, minus, -1.0 / (2 * beta * xb.shape[0])))
            timed("optimizer", lambda: opt.step())
        return {k + "_us": v * 1e6 for k, v in best.items()}

    def evaluate(xs, ys, bs=1000):
        correct = 0
        for i in range(0, xs.shape[0], bs):
            xb, yb = xs[i:i + bs], ys[i:i + bs]
            net.bind(xb, yb)
            for s in net.cur:
                s.zero_()
            st = net.relax(net.cur, a.t1, 0.0)
            net.cur = st
            correct += (st[-1].argmax(1) == yb).sum().item()
        net.alloc(a.batch)
        return correct / xs.shape[0]

    out = {"peer": "pytorch", "torch": torch.__version__, "threads": a.threads, "blas": blas_library(),
           "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", ""), "sizes": sizes, "batch": a.batch,
           "t1": a.t1, "t2": a.t2, "beta": a.beta, "estimator": a.estimator, "activation": a.activation}
    if a.epochs > 0:
        t0 = time.perf_counter()
        perm_gen = torch.Generator().manual_seed(a.seed)
        for e in range(a.epochs):
            perm = torch.randperm(x.shape[0], generator=perm_gen)
            correct = 0
            for i in range(0, x.shape[0] - a.batch + 1, a.batch):
                idx = perm[i:i + a.batch]
                correct += train_batch(x[idx], y[idx])
            acc = evaluate(xt, yt)
            print(json.dumps({"epoch": e + 1, "train_acc": correct / x.shape[0], "test_acc": acc,
                              "seconds": time.perf_counter() - t0}), flush=True)
        out["test_accuracy"] = acc
    nb = x.shape[0] // a.batch
    counter = [0]

    def next_batch():
        j = counter[0] % nb
        counter[0] += 1
        train_batch(x[j * a.batch:(j + 1) * a.batch].contiguous(), y[j * a.batch:(j + 1) * a.batch].contiguous())

    for i in range(a.warmup):
        next_batch()
    if a.serve:
        serve(out, next_batch, 3,
              lambda n, dt, best: {"batches": n, "seconds": dt, "samples_per_sec": n * a.batch / dt,
                                   "min_batch_seconds": best},
              lambda: {"max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss})
        return
    if a.profile > 0:
        out.update(profile(a.profile))
        print(json.dumps(out), flush=True)
        return
    dt, best = timed(next_batch, a.batches)
    out.update({"batches": a.batches, "seconds": dt, "samples_per_sec": a.batches * a.batch / dt,
                "min_batch_seconds": best, "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss})
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
