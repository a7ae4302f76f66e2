#!/usr/bin/python3
"""PyTorch peer of Plasticity's LocalCA benchmark: the headline compartmental network
(784 inputs, 128 neurons, branch factors [3, 3], TopK K_E=40 / K_I=20 recomputed every forward,
softplus synapses, exp dendritic conductances, shunting compartments (Eq. 3), parametric-tanh
reactivation, linear decoder, cross-entropy) trained by backprop with Adam (per-group rates,
clip-by-value 5), batch 256. Written for Plasticity from the paper's equations.

Prints one JSON line: {"mode", "threads", "batch", "samples_per_s", "min_step_seconds", "loss_first", "loss_last"};
with --serve, timed rounds on request instead (peer_serve.py: "run SECONDS" / "quit" on stdin, one JSON line each).
Run with OMP_WAIT_POLICY=PASSIVE (Debian's PyTorch busy-waits otherwise).
"""
import argparse
import json
import math

import torch
import torch.nn.functional as F

from peer_blas import blas_library
from peer_serve import serve, timed


class Tree(torch.nn.Module):
    def __init__(self, inputs=784, neurons=128, branches=(3, 3), ke=40, ki=20, classes=10, mode="dense"):
        super().__init__()
        self.mode, self.ke, self.ki, self.branches = mode, ke, ki, branches
        sizes = [neurons]
        for b in branches:
            sizes.append(sizes[-1] * b)
        self.sizes = sizes
        self.theta_e = torch.nn.ParameterList()
        self.theta_i = torch.nn.ParameterList()
        self.log_den = torch.nn.ParameterList()
        for n in sizes[1:]:
            std = math.sqrt(2.0 / (inputs + n))
            self.theta_e.append(torch.nn.Parameter(torch.randn(n, inputs) * std))
            self.theta_i.append(torch.nn.Parameter(torch.randn(n, inputs) * std))
            self.log_den.append(torch.nn.Parameter(torch.zeros(n)))
        self.log_m = torch.nn.ParameterList([torch.nn.Parameter(torch.full((n,), math.log(1.5))) for n in sizes])
        self.log_b = torch.nn.ParameterList([torch.nn.Parameter(torch.full((n,), math.log(0.5))) for n in sizes])
        self.decoder = torch.nn.Linear(neurons, classes)

    def synaptic(self, x, theta, k):
        """Σ_j x_j g_j over the row's top-k θ, for every compartment: [B, n]."""
        idx = torch.topk(theta, k, dim=1).indices
        if self.mode == "dense":
            mask = torch.zeros_like(theta).scatter_(1, idx, 1.0)
            return x @ (F.softplus(theta) * mask).t()
        g = F.softplus(torch.gather(theta, 1, idx))          # [n, k]
        if self.mode == "sparse":
            n = theta.shape[0]
            rows = torch.arange(n).repeat_interleave(k)
            s = torch.sparse_coo_tensor(torch.stack([rows, idx.reshape(-1)]), g.reshape(-1), theta.shape)
            return torch.sparse.mm(s, x.t()).t()              # [n, inputs] · [inputs, B]
        return (x[:, idx] * g).sum(-1)                        # [B, n, k] -> [B, n]

    def forward(self, x):
        child = None
        for level in range(len(self.sizes) - 1, -1, -1):
            n = self.sizes[level]
            num = torch.zeros(x.shape[0], n)
            den = torch.ones(x.shape[0], n)
            if level >= 1:
                exc = self.synaptic(x, self.theta_e[level - 1], self.ke)
                inh = self.synaptic(x, self.theta_i[level - 1], self.ki)
                num = num + exc
                den = den + exc + inh
            if child is not None:
                b = self.branches[level]
                g = torch.exp(self.log_den[level]).view(n, b)             # edges into this level
                num = num + (child.view(x.shape[0], n, b) * g).sum(-1)
                den = den + g.sum(-1)
            v = num / den
            m = torch.exp(self.log_m[level])
            off = torch.exp(self.log_b[level])
            child = (torch.tanh(m * (v - off)) + 1) / 2
        return self.decoder(child)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--mode", choices=["dense", "gather", "sparse"], default="gather")
    ap.add_argument("--serve", action="store_true", help="after the warm-up, run timed rounds on request (stdin)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    model = Tree(mode=a.mode)
    groups = [
        {"params": list(model.theta_e) + list(model.theta_i), "lr": 1e-3},
        {"params": list(model.log_den), "lr": 5e-4},
        {"params": list(model.log_m) + list(model.log_b), "lr": 5e-4},
        {"params": model.decoder.parameters(), "lr": 1e-3},
    ]
    opt = torch.optim.Adam(groups)
    gen = torch.Generator().manual_seed(7)
    x = torch.rand(a.batch, 784, generator=gen) * (torch.rand(a.batch, 784, generator=gen) < 0.2)
    y = torch.randint(0, 10, (a.batch,), generator=gen)
    losses = []

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        torch.nn.utils.clip_grad_value_(model.parameters(), 5.0)
        opt.step()
        losses.append(loss.item())

    for _ in range(a.warmup):
        step()
    info = {"mode": a.mode, "threads": a.threads, "batch": a.batch, "torch": torch.__version__, "blas": blas_library()}
    if a.serve:
        serve(info, step, 3,
              lambda n, dt, best: {"steps": n, "seconds": dt, "samples_per_s": n * a.batch / dt, "min_step_seconds": best},
              lambda: {"loss_first": losses[0], "loss_last": losses[-1]})
        return
    dt, best = timed(step, a.steps)
    print(json.dumps(dict(info, steps=a.steps, samples_per_s=a.steps * a.batch / dt, min_step_seconds=best,
                          loss_first=losses[0], loss_last=losses[-1])))

if __name__ == "__main__":
    main()
