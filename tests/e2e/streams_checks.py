"""Behaviour checks of Go streams as Python iterators (tests/e2e/streams).

Each snippet runs with ``streams`` imported as ``s``; ``expect(exc, text, fn, *args)``
asserts that the call raises ``exc`` with ``text`` in its message. Shared with the ASan run
(tests/reliability/test_sanitizers.py).
"""

PRELUDE = """
import gc
import streams as s
def expect(exc, text, fn, *args):
    try:
        fn(*args)
    except exc as e:
        assert text in str(e), (getattr(fn, "__name__", fn), str(e))
    else:
        raise AssertionError(f"{fn!r}{args!r} did not raise {exc.__name__}")
"""

CHECKS: dict[str, str] = {
    "seq_results_are_lazy_iterators": """
        it = s.count(3)
        assert iter(it) is it and next(it) == 0        # an iterator, one Go value per next
        assert list(it) == [1, 2] and list(it) == []
        assert list(s.words("go  and python")) == ["go", "and", "python"]
        assert list(s.nothing()) == []                 # a nil iter.Seq is empty
        assert [(p.x, p.y) for p in s.diagonal(3)] == [(0, 0), (1, 1), (2, 2)]
        assert isinstance(next(s.diagonal(1)), s.Point)
    """,
    "seq2_results_yield_tuples": """
        assert list(s.enumerate("a b")) == [(0, "a"), (1, "b")]
        assert dict(s.enumerate("x y z")) == {0: "x", 1: "y", 2: "z"}
    """,
    "breaking_out_stops_the_go_sequence": """
        before, stopped = s.goroutines(), s.stopped()
        for i in s.naturals():                         # infinite on the Go side
            if i == 100:
                break
        del i
        gc.collect()
        assert s.stopped() == stopped + 1              # the Go code ran to its end (deferred calls)
        assert s.goroutines() == before                # no goroutine left behind
        it = s.count(5); next(it); del it; gc.collect()  # dropped half-way: stopped too
        assert s.stopped() == stopped + 2 and s.goroutines() == before
        assert list(s.count(2)) == [0, 1] and s.stopped() == stopped + 3  # run out: finished
    """,
    "a_panicking_sequence_raises_gopanic_then_ends": """
        it = s.explode()
        assert next(it) == 1
        expect(s.GoPanic, "sequence exploded", next, it)
        assert list(it) == []
    """,
    "seq_parameters_take_any_iterable_lazily": """
        import itertools
        assert s.sum(range(101)) == 5050 and s.sum([]) == 0
        assert s.sum(x * x for x in range(4)) == 14
        assert s.first_n(iter(["a", "b", "c"]), 2) == ["a", "b"]
        assert s.first_n((str(i) for i in itertools.count()), 3) == ["0", "1", "2"]  # infinite: drawn lazily
        assert s.join([("a", 1), ("b", 2)]) == "a=1,b=2" and s.join({"k": 3}.items()) == "k=3"
    """,
    "seq_parameter_errors_are_the_pythons": """
        def failing():
            yield 1
            raise ValueError("boom")
        expect(ValueError, "boom", s.sum, failing())               # the generator's own exception
        expect(TypeError, "sum() argument 1 must be int, not str", s.sum, [1, "x"])
        expect(TypeError, "sum() argument 1 must be iterable, not int", s.sum, 5)
        expect(TypeError, "join() argument 1 items must be (key, value) pairs, not int", s.join, [1])
        expect(OverflowError, "", s.sum, [2**70])
    """,
    "receive_channels_iterate_until_closed": """
        import datetime
        assert list(s.ticks(3, datetime.timedelta(milliseconds=2))) == [0, 1, 2]
        assert s.total(range(5)) == 10 and s.total([]) == 0   # <-chan parameter: filled, closed
        expect(TypeError, "total() argument 1 must be int, not str", s.total, ["x"])
    """,
    "ctrl_c_interrupts_a_waiting_channel": """
        import os, signal, threading
        threading.Timer(0.2, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        try:
            for _ in s.forever():
                pass
        except KeyboardInterrupt:
            pass
        else:
            raise AssertionError("not interrupted")
        it = s.ticks(2, 100_000_000)                   # 0.1 s per value
        threading.Timer(0.02, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        expect(KeyboardInterrupt, "", next, it)
        assert list(it) == [0, 1]                      # nothing lost: the loop resumes
    """,
    "async_for_over_sequences_and_channels": """
        import asyncio, collections.abc, datetime
        async def collect(it):
            return [x async for x in it]
        assert isinstance(s.count(1), collections.abc.AsyncIterator)
        assert asyncio.run(collect(s.count(4))) == [0, 1, 2, 3]
        assert asyncio.run(collect(s.enumerate("a b"))) == [(0, "a"), (1, "b")]      # Seq2: tuples
        assert asyncio.run(collect(s.nothing())) == []
        assert [(p.x, p.y) for p in asyncio.run(collect(s.diagonal(2)))] == [(0, 0), (1, 1)]
        ticks = s.ticks(3, datetime.timedelta(milliseconds=2))
        assert asyncio.run(collect(ticks)) == [0, 1, 2]                             # a channel
        it = s.count(3)
        assert next(it) == 0 and asyncio.run(collect(it)) == [1, 2]                 # mixed with next()
        async def two_at_once():                       # each pull is its own goroutine
            return await asyncio.gather(collect(s.count(2)), collect(s.words("x y")))
        assert asyncio.run(two_at_once()) == [[0, 1], ["x", "y"]]
    """,
    "iterators_and_threads": """
        import threading
        def on_thread(fn):
            out = []
            t = threading.Thread(target=lambda: out.append(fn())); t.start(); t.join()
            return out[0]
        def error_of(fn):
            try:
                fn()
            except RuntimeError as e:
                return str(e)
        it = s.count(4)                                # made here, started by next() on another thread
        assert on_thread(lambda: [next(it), next(it)]) == [0, 1]
        msg = error_of(lambda: next(it))               # its Go coroutine is bound to that thread
        assert msg.startswith("count(): next() of a Go sequence that a for loop started on another thread"), msg
        assert on_thread(lambda: error_of(lambda: list(it))) == msg
        import asyncio
        async def anext_of(i):
            return await i.__anext__()
        assert error_of(lambda: asyncio.run(anext_of(it))).startswith("count(): __anext__() of a Go sequence")
        mine = s.count(3)
        assert next(mine) == 0 and asyncio.run(anext_of(mine)) == 1   # a for started it here: pulled now
        assert list(mine) == [2]
        try:
            asyncio.run(anext_of(mine))                # over: the future ends the loop
        except StopAsyncIteration:
            pass
        else:
            raise AssertionError("no StopAsyncIteration")
        assert list(s.count(2)) == [0, 1]              # started and finished on one thread: fine
    """,
    "iterators_started_by_async_for_move_between_threads": """
        import asyncio, threading
        async def anext_of(i):
            return await i.__anext__()
        it = s.count(5)
        assert asyncio.run(anext_of(it)) == 0          # an async start: a driver goroutine owns the Go side
        got = []
        t = threading.Thread(target=lambda: got.extend([next(it), next(it)])); t.start(); t.join()
        assert got == [1, 2] and list(it) == [3, 4] and asyncio.run(anext_of(s.count(1))) == 0
        before = s.stopped()
        half = s.naturals()
        assert asyncio.run(anext_of(half)) == 0
        t = threading.Thread(target=lambda: next(half)); t.start(); t.join()
        del half; gc.collect()                         # dropped here: stopped, its Go code ends
        assert s.stopped() == before + 1
    """,
    "async_for_stops_and_cancels_the_go_side": """
        import asyncio
        async def one():
            return [x async for x in s.count(1)]
        asyncio.run(one())                             # starts the runtime's aio pump (one goroutine, for good)
        before, stopped = s.goroutines(), s.stopped()
        async def first_hundred():
            async for i in s.naturals():               # infinite on the Go side
                if i == 100:
                    return i
        assert asyncio.run(first_hundred()) == 100
        gc.collect()
        assert s.stopped() == stopped + 1              # break: the Go code ran to its end
        async def wait_forever():                      # a receive nothing will satisfy...
            async for _ in s.forever():
                pass
        async def cancelled():
            try:
                await asyncio.wait_for(wait_forever(), 0.05)
            except (TimeoutError, asyncio.TimeoutError):
                return "timed out"
        assert asyncio.run(cancelled()) == "timed out"
        import time
        for _ in range(100):                           # ...is given up by its goroutine
            gc.collect()
            if s.goroutines() <= before:
                break
            time.sleep(0.01)
        assert s.goroutines() <= before, (s.goroutines(), before)
        async def explode():
            return [x async for x in s.explode()]
        expect(s.GoPanic, "sequence exploded", asyncio.run, explode())
    """,
    "go_method_shapes_give_protocols": """
        t = s.new_tags("go", "py", "go")
        assert len(t) == 2 and bool(t) and not s.new_tags()          # Len: len() and truth
        assert list(t) == ["go", "py"] and [x for x in t] == ["go", "py"]   # All: iteration, each time anew
        assert "py" in t and "c" not in t and t.contains("go")        # Contains: in
        expect(TypeError, "", lambda: 1 in t)                          # Go cannot be asked about an int
        assert repr(t) == 'streams.NewTags(["go" "py"]...)'           # GoString: repr
        g = s.Grid(n=3)
        assert list(g) == [0, 1, 2] and 2 in g and 3 not in g and g.has(1)
        assert sorted(iter(g)) == [0, 1, 2] and list(g.values()) == [0, 1, 2]
    """,
    "interface_results_with_hidden_types": """
        t = s.new_ticker(10)
        assert type(t) is s.GoTicker and t.next() == 11 and list(t.seq(3)) == [12, 13, 14]
        assert s.peek(t) == 15 and t.next() == 16      # Go gets the same interface value back
        expect(TypeError, "cannot be created from Python; obtain one from new_ticker()", s.GoTicker)
        import copy
        assert copy.copy(t).next() == 17               # a copy of the interface value shares *ticker
    """,
}
