#!/usr/bin/python3
"""PyTorch peer of Plasticity's GLE benchmark: the same online GLE update loop on the MNIST-1D network of the GLE
paper (6 layers of 17 fast + 36 slow units, 10 outputs, dt 0.2, 360 steps per sequence, batch 100), written for speed
on CPU by someone who knows PyTorch.

Algorithm (identical to org.plasticity.latent.model.GleDynamics with the same network, spec localca-gle.md 2.3): at
every time step each layer, from its neighbours' previous values, runs its error neuron (v' = (eps - v)/tau_r,
e = v + tau_m v'), its membrane (u' = (W r_in + b - u)/tau_m, prospective potential u + tau_r u'), the rate
phi(u + tau_r u') and the local gradients -<e r_in^T>, -<e>; the top error is beta (onehot - softmax(r_L)); then one
Adam step (lr 1e-3). No autograd anywhere (torch.no_grad), every product into preallocated buffers with out=,
element-wise work in place, Adam with foreach. Threads: torch.set_num_threads(--threads), run with
OMP_WAIT_POLICY=PASSIVE. Input: a synthetic batch of the MNIST-1D shape (values do not change the work).

Prints one JSON line with the throughput, or with --serve answers "run SECONDS" with one JSON line per timed round
("quit" ends it), so that the Java side can interleave its rounds with ours.
"""
import argparse
import json

import torch

from peer_blas import blas_library
from peer_serve import serve, timed

DT = 0.2


class Layer:
    def __init__(self, n_in, fast, slow, act, batch, gen):
        n = fast + slow
        bound = 1.0 / n_in ** 0.5
        self.W = ((torch.rand(n, n_in, generator=gen) * 2 - 1) * bound)
        self.b = ((torch.rand(n, generator=gen) * 2 - 1) * bound)
        self.W.grad = torch.zeros_like(self.W)
        self.b.grad = torch.zeros_like(self.b)
        tm = torch.full((n,), 1.2)
        tr = torch.full((n,), 1.2)
        tm[fast:fast + slow // 2] = 0.6
        tr[fast:] = DT
        self.tm, self.inv_tm, self.tr, self.inv_tr = tm, 1.0 / tm, tr, 1.0 / tr
        self.act = act
        z = lambda m: torch.zeros(batch, m)
        self.u, self.v, self.r, self.rp = z(n), z(n), z(n), z(n)
        self.e, self.s, self.ud, self.uc, self.eps, self.vdot = z(n), z(n), z(n), z(n), z(n), z(n)
        self.down, self.down_next = z(n_in), z(n_in)
        self.n = n
        self.batch = batch

    def step(self, r_in, eps_from, top):
        # error neuron (reads the previous rp and the error sent down in the previous step)
        if top:
            self.eps.copy_(eps_from)
        else:
            torch.mul(self.rp, eps_from, out=self.eps)
        torch.sub(self.eps, self.v, out=self.vdot).mul_(self.inv_tr)
        torch.addcmul(self.v, self.tm, self.vdot, out=self.e)
        self.v.add_(self.vdot, alpha=DT)
        # membrane and prospective rate
        torch.addmm(self.b, r_in, self.W.t(), out=self.s)
        torch.sub(self.s, self.u, out=self.ud).mul_(self.inv_tm)
        torch.addcmul(self.u, self.tr, self.ud, out=self.uc)
        if self.act == "tanh":
            torch.tanh(self.uc, out=self.r)
            torch.mul(self.r, self.r, out=self.rp).neg_().add_(1.0)
        else:
            self.r.copy_(self.uc)
            self.rp.fill_(1.0)
        self.u.add_(self.ud, alpha=DT)
        # local gradients and the error for the layer below
        torch.mm(self.e.t(), r_in, out=self.W.grad).mul_(-1.0 / self.batch)
        torch.sum(self.e, 0, out=self.b.grad).mul_(-1.0 / self.batch)
        torch.mm(self.e, self.W, out=self.down_next)


class Gle:
    def __init__(self, batch, threads, gen):
        self.layers = []
        n_in = 1
        for l in range(6):
            self.layers.append(Layer(n_in, 17, 36, "linear" if l == 0 else "tanh", batch, gen))
            n_in = 53
        self.layers.append(Layer(n_in, 10, 0, "linear", batch, gen))
        for L in self.layers[-1:]:
            L.tm.fill_(1.2)
            L.tr.fill_(1.2)
            L.inv_tm.fill_(1 / 1.2)
            L.inv_tr.fill_(1 / 1.2)
        self.params = [p for L in self.layers for p in (L.W, L.b)]
        self.opt = torch.optim.Adam(self.params, lr=1e-3, foreach=True)
        self.out_err = torch.zeros(batch, 10)
        self.prob = torch.zeros(batch, 10)
        self.batch = batch

    def sequence(self, x, onehot):
        """One batch: 360 steps, an Adam step after each (x: steps x batch x 1)."""
        loss = 0.0
        top = len(self.layers) - 1
        for t in range(x.shape[0]):
            for l in range(top, -1, -1):
                L = self.layers[l]
                r_in = x[t] if l == 0 else self.layers[l - 1].r
                eps = self.out_err if l == top else self.layers[l + 1].down
                L.step(r_in, eps, l == top)
            for L in self.layers[1:]:
                L.down, L.down_next = L.down_next, L.down
            out = self.layers[top].r
            torch.softmax(out, 1, out=self.prob)
            torch.sub(onehot, self.prob, out=self.out_err)   # beta = 1
            self.opt.step()
        return loss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--steps", type=int, default=360)
    ap.add_argument("--batches", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--serve", action="store_true", help="after the warm-up, run timed rounds on request (stdin)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    gen = torch.Generator().manual_seed(7)
    with torch.no_grad():
        net = Gle(a.batch, a.threads, gen)
        x = torch.randn(a.steps, a.batch, 1, generator=gen)
        y = torch.randint(0, 10, (a.batch,), generator=gen)
        onehot = torch.nn.functional.one_hot(y, 10).float()
        for _ in range(a.warmup):
            net.sequence(x, onehot)
        info = {"threads": a.threads, "batch": a.batch, "steps": a.steps, "torch": torch.__version__,
                "blas": blas_library()}
        if a.serve:
            serve(info, lambda: net.sequence(x, onehot), 1,
                  lambda n, dt, best: {"batches": n, "seconds": dt, "samples_per_s": n * a.batch / dt,
                                       "min_batch_seconds": best, "us_per_step": 1e6 * best / a.steps},
                  lambda: {"done": True})
            return
        dt, best = timed(lambda: net.sequence(x, onehot), a.batches)
        print(json.dumps(dict(info, samples_per_s=a.batches * a.batch / dt, min_batch_seconds=best,
                              us_per_step=1e6 * best / a.steps)))

if __name__ == "__main__":
    main()
