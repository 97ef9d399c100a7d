"""Behaviour checks of the callbacks bindings (Go func types, GIL release), shared by the
extension and embedded tests. Each snippet runs with ``callbacks`` imported and ``MODE`` set.
"""

CHECKS: dict[str, str] = {
    "apply_calls_back_many_times": """
        assert callbacks.apply(lambda x: x * 2, 21) == 42
        assert callbacks.apply_n(lambda x: x + 1, 0, 10_000) == 10_000
        seen = []
        callbacks.each(lambda w, i: seen.append((w, i)), "a bb ccc")
        assert seen == [("a", 0), ("bb", 1), ("ccc", 2)]
        assert callbacks.bytes_(lambda b: b[::-1], b"abc") == b"cba"
        assert callbacks.floats(lambda a, b: a * b, 1.5, 2) == 3.0
        assert callbacks.pair(lambda x: (x, str(x)), 5) == (5, "5")
        called = []
        callbacks.call(lambda: called.append(1))
        assert called == [1]
    """,
    "many_callbacks_per_signature": """
        fs = [lambda x, k=k: x + k for k in range(50)]
        assert [callbacks.apply(f, 1) for f in fs] == [1 + k for k in range(50)]
        assert callbacks.compose(fs[3], fs[4])(0) == 7
    """,
    "callback_from_8_goroutines_concurrently": """
        import threading
        lock = threading.Lock()
        threads = set()
        def f(i):
            with lock:
                threads.add(threading.get_ident())
            return i * i
        for _ in range(5):
            assert callbacks.concurrent(f, 2000, 8) == sum(i * i for i in range(2000))
    """,
    "kept_callback_called_later_from_a_goroutine": """
        import gc, weakref
        class Tripler:
            def __call__(self, x): return 3 * x
        t = Tripler()
        ref = weakref.ref(t)
        callbacks.keep(t)
        del t
        gc.collect()
        assert ref() is not None            # the Go closure owns a reference
        assert callbacks.call_kept_later(5) == 15
        assert callbacks.call_kept_later(7) == 21
        callbacks.forget()
        import time
        for _ in range(200):                # Go's GC runs the finalizer; the release is queued
            callbacks.collect()             # and done by the next holder of the GIL
            time.sleep(0.005)
            if ref() is None:
                break
        assert ref() is None, "the callable was not released after Go dropped the closure"
    """,
    "error_result_carries_the_python_exception": """
        # A callback's exception reaches Go as the func's error (*python.Exception, which
        # keeps the exception object); returned unchanged to Python, it is raised again as
        # it was: same object, traceback through the callback.
        err = ValueError("bad input")
        def up(s):
            if s == "bad":
                raise err
            return s.upper()
        assert callbacks.transform(up, "abc") == "ABC"
        try:
            callbacks.transform(up, "bad")
        except ValueError as e:
            assert e is err
            import traceback
            assert "up" in [f.name for f in traceback.extract_tb(e.__traceback__)]
        else:
            raise AssertionError("no error")
        # Wrapped by Go (errors.Join): a GoError whose __cause__ is the original.
        try:
            callbacks.transform_wrapped(up, "bad")
        except callbacks.GoError as e:
            assert str(e) == "transform failed\\nValueError: bad input", repr(str(e))
            assert e.__cause__ is err
        else:
            raise AssertionError("no error")
        def boom():
            raise KeyError("k")
        assert callbacks.is_python_error(boom) == "KeyError: 'k'"   # errors.As-able in Go
        assert callbacks.is_python_error(lambda: None) == ""
    """,
    "exception_without_error_result_is_raised_again": """
        # The generated func panics with the exception; the trampoline of apply() recovers
        # the panic and raises the original exception (not a GoPanic).
        def div(x):
            return 1 // x
        try:
            callbacks.apply(div, 0)
        except ZeroDivisionError as e:
            import traceback
            assert "div" in [f.name for f in traceback.extract_tb(e.__traceback__)]
        else:
            raise AssertionError("no exception")
        class Stop(Exception):
            pass
        def stop(x):
            raise Stop(x)
        try:
            callbacks.apply_n(stop, 5, 3)
        except Stop as e:
            assert e.args == (5,)
        # Also through a Go func that Python calls (compose returns one calling two callables).
        try:
            callbacks.compose(lambda x: x, div)(0)
        except ZeroDivisionError:
            pass
        else:
            raise AssertionError("no exception")
    """,
    "wrong_result_type_names_the_callback": """
        for f, fn, want in [(lambda: callbacks.apply(lambda x: "s", 1), "apply",
                             "callback apply() argument 1 result: cannot convert Python str to Go int"),
                            (lambda: callbacks.narrow(lambda: 300), "narrow",
                             "callback narrow() argument 1 result: Python int 300 is out of range for Go int8"),
                            (lambda: callbacks.pair(lambda x: x, 1), "pair",
                             "callback pair() argument 1 result: expected a tuple of 2 values, got Python int")]:
            try:
                f()
            except callbacks.GoPanic as e:
                assert want in str(e), (want, str(e))
            else:
                raise AssertionError(fn)
        try:
            callbacks.transform(lambda s: 5, "x")
        except callbacks.GoError as e:
            assert "callback transform() argument 1 result: cannot convert Python int to Go string" in str(e), e
    """,
    "non_callable_is_a_type_error": """
        for bad in (3, "f", None):
            try:
                callbacks.apply(bad, 1)
            except TypeError as e:
                assert str(e) == f"apply() argument 1 must be callable, not {'None' if bad is None else type(bad).__name__}", e
            else:
                raise AssertionError(bad)
    """,
    "lambdas_bound_methods_callable_objects_builtins": """
        class Acc:
            def __init__(self): self.k = 7
            def add(self, x): return x + self.k
            def __call__(self, x): return x * self.k
            @staticmethod
            def neg(x): return -x
        a = Acc()
        assert callbacks.apply(a.add, 1) == 8
        assert callbacks.apply(a, 2) == 14
        assert callbacks.apply(Acc.neg, 3) == -3
        assert callbacks.apply(abs, -4) == 4
        import functools
        assert callbacks.apply(functools.partial(pow, 2), 10) == 1024
        assert callbacks.apply(callbacks.make_adder(5), 1) == 6      # a Go func passed back
    """,
    "go_func_results_are_callables_and_are_freed": """
        base = callbacks.live_adders()
        add5 = callbacks.make_adder(5)
        assert add5(10) == 15 and add5(-5) == 0
        assert callable(add5)
        adders = [callbacks.make_adder(i) for i in range(1000)]
        assert [f(1) for f in adders[:3]] == [1, 2, 3]
        assert callbacks.live_adders() == base + 1001
        del adders                          # Python drops them: Go's GC frees the funcs
        assert callbacks.live_adders() == base + 1
        del add5
        assert callbacks.live_adders() == base
        try:
            callbacks.make_adder(1)("x")
        except TypeError as e:
            assert str(e) == "go_func() argument 1 must be int, not str", e
        try:
            callbacks.make_adder(1)(1, 2)
        except TypeError as e:
            assert "go_func() takes exactly 1 argument (2 given)" == str(e), e
        g = callbacks.make_greeter("Hi")
        assert g("Bob") == "Hi, Bob"
        try:
            g("")
        except callbacks.GoError as e:
            assert str(e) == "empty name"
        try:
            callbacks.make_panicker()()
        except callbacks.GoPanic as e:
            assert "go_func() panicked: boom from Go" in str(e)
        assert callbacks.nil_func() is None
    """,
    "gil_is_released_where_it_must_be": """
        import threading, time
        ticks = 0
        stop = False
        def ticker():
            global ticks
            while not stop:
                ticks += 1
                time.sleep(0.001)
        th = threading.Thread(target=ticker)
        th.start()
        time.sleep(0.02)
        t0 = ticks
        callbacks.sleep(200)                  # //py4go:nogil
        released = ticks - t0
        t0 = ticks
        callbacks.sleep_holding(200)          # default for a function without func params
        held = ticks - t0
        stop = True
        th.join()
        assert released >= 20, released       # ~1 tick per ms when the thread can run
        assert held <= 2, held
        # A function taking funcs releases by default; //py4go:gil keeps it, and a callback
        # on the same goroutine still works (WithGIL is re-entrant).
        assert callbacks.apply_holding(lambda x: x + 1, 1) == 2
        try:
            callbacks.panic_no_gil()
        except callbacks.GoPanic as e:
            assert "no gil panic" in str(e)
        assert callbacks.add_no_gil(2, 3) == 5 and callbacks.add(2, 3) == 5
    """,
    "callback_calls_do_not_leak": """
        import gc, sys
        f = lambda x: x + 1
        def run(n):
            callbacks.apply_n(f, 0, n)
            for _ in range(n // 100):
                callbacks.apply(f, 1)
                callbacks.transform(str.upper, "abc")
                callbacks.make_adder(1)(2)
                callbacks.apply(lambda x: x, 1)     # a new callable: a new Callback each time
        def settle():
            callbacks.collect()                     # Go's GC finalizes dropped Callbacks...
            callbacks.sleep(20)                     # ...whose queued releases need the GIL
            gc.collect()
        run(10_000)
        settle()
        before = sys.getallocatedblocks()
        run(100_000)
        settle()
        after = sys.getallocatedblocks()
        assert abs(after - before) <= 64, (before, after)
    """,
}
