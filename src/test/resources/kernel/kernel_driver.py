"""Drives a Jupyter kernel through jupyter_client, the way a notebook front end does.

Run with Debian's /usr/bin/python3 (it sees Debian's jupyter_client); JUPYTER_PATH must point at
a folder with kernels/<name>/kernel.json. Reads one JSON request from stdin, writes one JSON
answer to stdout (one line per start in "starts" mode).

  {"mode": "session", "kernel": NAME, "startup_timeout": S, "steps": [STEP, ...]}
      STEP: {"op": "execute", "code": C, "timeout": S}
            {"op": "execute_interrupt", "code": C, "after_output": TEXT, "after": S, "timeout": S}
            {"op": "complete", "code": C, "cursor": N}   {"op": "inspect", "code": C, "cursor": N}
            {"op": "restart"}   {"op": "shutdown"}   {"op": "pid"}
  {"mode": "starts", "kernels": [NAME, ...], "n": N, "code": C, "startup_timeout": S, "timeout": S}
      N starts of each kernel (or "counts": {NAME: N}), interleaved, no new start after
      "max_seconds" (optional); for each: start -> first result seconds, the round
      trip of a second trivial cell, load (1-min loadavg, runnable processes) before and after.
"""
import json
import os
import signal
import sys
import time
import traceback

from jupyter_client.manager import KernelManager


def load():
    with open("/proc/loadavg") as f:
        one = float(f.read().split()[0])
    running = 0
    with open("/proc/stat") as f:
        for line in f:
            if line.startswith("procs_running"):
                running = int(line.split()[1])
    return {"loadavg1": one, "runnable": running}


def collect(kc, msg_id, timeout, on_output=None):
    """IOPub messages of one request until its idle status, and its shell reply."""
    outputs = []
    deadline = time.time() + timeout
    idle = False
    while not idle:
        left = deadline - time.time()
        if left <= 0:
            raise TimeoutError("no idle status within %s s" % timeout)
        try:
            msg = kc.get_iopub_msg(timeout=min(left, 1.0))
        except Exception:
            continue
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        t = msg["msg_type"]
        if t == "status":
            idle = msg["content"]["execution_state"] == "idle"
            continue
        outputs.append({"msg_type": t, "content": msg["content"], "t": time.time()})
        if on_output is not None:
            on_output(outputs[-1])
    reply = None
    while reply is None:
        left = deadline - time.time()
        if left <= 0:
            raise TimeoutError("no shell reply within %s s" % timeout)
        msg = kc.get_shell_msg(timeout=left)
        if msg.get("parent_header", {}).get("msg_id") == msg_id:
            reply = msg["content"]
    return outputs, reply


def pid_of(km):
    prov = getattr(km, "provisioner", None)
    if prov is not None and getattr(prov, "process", None) is not None:
        return prov.process.pid
    k = getattr(km, "kernel", None)
    return k.pid if k is not None else None


def alive(pid):
    if pid is None:
        return False
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def start(name, timeout):
    km = KernelManager(kernel_name=name)
    km.start_kernel(stdout=sys.stderr, stderr=sys.stderr)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=timeout)
    return km, kc


def step(km, kc, s):
    op = s["op"]
    t0 = time.time()
    if op == "execute":
        msg_id = kc.execute(s["code"], allow_stdin=False)
        outputs, reply = collect(kc, msg_id, s.get("timeout", 60))
        return {"outputs": outputs, "reply": reply, "t0": t0, "seconds": time.time() - t0}
    if op == "execute_interrupt":
        msg_id = kc.execute(s["code"], allow_stdin=False)
        marker = s.get("after_output")
        state = {"sent": None}

        def maybe_interrupt(out):
            text = out["content"].get("text", "") if out["msg_type"] == "stream" else ""
            if state["sent"] is None and marker is not None and marker in text:
                time.sleep(s.get("after", 0))
                state["sent"] = time.time()
                interrupt()

        def interrupt():
            if s.get("signal"):
                os.kill(pid_of(km), signal.SIGINT)  # what a terminal's Ctrl-C or interrupt_mode "signal" sends
            else:
                km.interrupt_kernel()  # interrupt_request on the control channel (kernel.json: "message")

        if marker is None:
            time.sleep(s.get("after", 1))
            state["sent"] = time.time()
            interrupt()
        outputs, reply = collect(kc, msg_id, s.get("timeout", 60), maybe_interrupt)
        return {"outputs": outputs, "reply": reply, "t0": t0, "interrupted_at": state["sent"],
                "seconds": time.time() - t0}
    if op == "complete":
        msg_id = kc.complete(s["code"], s["cursor"])
        _, reply = collect(kc, msg_id, s.get("timeout", 30))
        return {"reply": reply}
    if op == "inspect":
        msg_id = kc.inspect(s["code"], s["cursor"], detail_level=0)
        _, reply = collect(kc, msg_id, s.get("timeout", 30))
        return {"reply": reply}
    if op == "pid":
        return {"pid": pid_of(km)}
    if op == "restart":
        old = pid_of(km)
        km.restart_kernel(now=False, stdout=sys.stderr, stderr=sys.stderr)
        kc.wait_for_ready(timeout=s.get("timeout", 30))
        time.sleep(0.5)
        return {"old_pid": old, "old_alive": alive(old), "new_pid": pid_of(km)}
    if op == "shutdown":
        pid = pid_of(km)
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        deadline = time.time() + 10
        while alive(pid) and time.time() < deadline:
            time.sleep(0.1)
        return {"pid": pid, "alive_after": alive(pid), "seconds": time.time() - t0}
    raise ValueError("unknown op " + op)


def session(req):
    out = {"steps": []}
    km, kc = start(req["kernel"], req.get("startup_timeout", 30))
    try:
        for s in req["steps"]:
            try:
                r = step(km, kc, s)
            except Exception as e:
                r = {"error": "%s: %s" % (type(e).__name__, e)}
            r["op"] = s["op"]
            out["steps"].append(r)
    finally:
        if km.is_alive():
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return out


def one_start(name, code, startup_timeout, timeout):
    row = {"kernel": name, "load_start": load()}
    t0 = time.time()
    km = KernelManager(kernel_name=name)
    kc = None
    try:
        km.start_kernel(stdout=sys.stderr, stderr=sys.stderr)  # our stdout carries only JSON
        row["pid"] = pid_of(km)
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=startup_timeout)
        except RuntimeError as e:
            row.update(ok=False, hang=True, error="not ready: %s" % e)
            return row
        msg_id = kc.execute(code, allow_stdin=False)
        outputs, reply = collect(kc, msg_id, timeout)
        results = [o for o in outputs if o["msg_type"] == "execute_result"]
        if reply.get("status") != "ok" or not results:
            row.update(ok=False, hang=False, error="first cell: %s %s" % (reply.get("status"), outputs))
            return row
        row["start_to_first_result"] = results[0]["t"] - t0
        t1 = time.time()
        msg_id = kc.execute(code, allow_stdin=False)
        collect(kc, msg_id, timeout)
        row["round_trip"] = time.time() - t1
        row.update(ok=True, hang=False)
        return row
    except TimeoutError as e:
        row.update(ok=False, hang=True, error="timeout: %s" % e)
        return row
    except Exception as e:
        row.update(ok=False, hang=False, error="%s: %s" % (type(e).__name__, e))
        return row
    finally:
        pid = row.get("pid")
        try:
            if kc is not None:
                kc.stop_channels()
            km.shutdown_kernel(now=not row.get("ok", False))
        except Exception as e:
            row["shutdown_error"] = str(e)
        deadline = time.time() + 10
        while alive(pid) and time.time() < deadline:
            time.sleep(0.05)
        row["stray_after_shutdown"] = alive(pid)
        row["load_end"] = load()


def starts(req):
    counts = req.get("counts", {})  # per-kernel number of starts (default n): interleaved while each has starts left
    n = max([req["n"]] + list(counts.values()))
    deadline = time.time() + req["max_seconds"] if req.get("max_seconds") else None  # no new start after it
    for i in range(n):
        for name in req["kernels"]:
            if i >= counts.get(name, req["n"]) or (deadline is not None and time.time() > deadline):
                continue
            row = one_start(name, req.get("code", "1 + 1"), req.get("startup_timeout", 30), req.get("timeout", 60))
            row["i"] = i
            print(json.dumps(row), flush=True)


def main():
    req = json.load(sys.stdin)
    try:
        if req["mode"] == "session":
            print(json.dumps(session(req)), flush=True)
        elif req["mode"] == "starts":
            starts(req)
        else:
            raise ValueError("unknown mode " + req["mode"])
    except Exception:
        print(json.dumps({"fatal": traceback.format_exc()}), flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
