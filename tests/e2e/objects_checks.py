"""Behaviour checks of the ``objects`` test package (the Python object protocols of bound Go
types, issue 14), shared by the extension-mode tests and the ASan harness. Each value is a
script run with ``objects`` imported as ``o`` after PRELUDE."""

PRELUDE = """
import copy
import inspect
import pickle


def raises(exc, fn, *args, text=""):
    try:
        fn(*args)
    except exc as e:
        assert text in str(e), (text, str(e))
        return e
    raise AssertionError(f"{fn} did not raise {exc.__name__}")
"""

CHECKS = {
    "signature_zero_defaults_and_match_args": """
        assert str(inspect.signature(o.Point)) == "(x=0.0, y=0.0, label='')", inspect.signature(o.Point)
        sig = inspect.signature(o.Shape)
        assert sig.parameters["parent"].default is None and sig.parameters["z"].default == 0j
        assert sig.parameters["raw"].default == b"" and sig.parameters["ok"].default is False
        assert sig.parameters["points"].default is ... and sig.parameters["origin"].default is ...
        assert str(inspect.signature(o.Kelvin)) == "(value=0.0)"
        # The defaults are what the constructor really does with an omitted argument.
        p = o.Point()
        for name, param in inspect.signature(o.Point).parameters.items():
            assert getattr(p, name) == param.default and type(getattr(p, name)) is type(param.default)
        assert o.Point.__match_args__ == ("x", "y", "label") and o.IDs.__match_args__ == ("value",)
        assert o.Version.__match_args__ == ()
        match o.Point(1.5, -2, "a"):
            case o.Point(1.5, y, label="a"):
                assert y == -2.0
            case _:
                raise AssertionError("no match")
        match o.Kelvin(300):
            case o.Kelvin(v):
                assert v == 300.0
    """,
    "copy_is_an_independent_go_value": """
        p = o.Point(1, 2, "a")
        q = copy.copy(p)
        assert type(q) is o.Point and q == p
        q.x = 9
        assert p.x == 1.0 and q.x == 9.0
        s = o.Shape(name="s", points=[p], tags={"a": 1}, origin=p)
        t = copy.copy(s)                        # Go assignment: slices and maps shared
        t.name = "t"
        assert s.name == "s"
        t.tags["b"] = 2                         # the getter returns a dict copy: no write-through
        assert s.tags == {"a": 1}
        ids = o.IDs([1, 2, 3])
        c = copy.copy(ids)                      # a named slice gets its own backing array
        c[0] = 100
        assert ids[0] == 1 and c[0] == 100
        st = o.Set({"a": True})
        c2 = copy.copy(st)
        c2["b"] = True
        assert "b" not in st and "b" in c2
        k = copy.copy(o.Kelvin(5))
        assert k.value == 5.0
        class Sub(o.Point):
            pass
        sub = Sub(1, 2)
        sub.extra = [1]
        sc = copy.copy(sub)
        assert type(sc) is Sub and sc.extra is sub.extra and sc.x == 1.0
        sd = copy.deepcopy(sub)
        assert sd.extra == [1] and sd.extra is not sub.extra
    """,
    "deepcopy_copies_slices_maps_pointers_and_cycles": """
        p = o.Point(1, 2, "a")
        leaf = o.Shape(name="leaf")
        s = o.Shape(name="s", points=[p, p], tags={"a": 1}, origin=p, parent=leaf, raw=b"xy", z=1j)
        d = copy.deepcopy(s)
        assert (d.name, d.points, d.tags, d.origin, d.raw, d.z) == ("s", [p, p], {"a": 1}, p, b"xy", 1j)
        d.parent.name = "changed"               # the pointed-to Shape was copied too
        assert leaf.name == "leaf" and s.parent.name == "leaf" and d.parent.name == "changed"
        loop = o.Shape(name="loop")
        loop.parent = loop                      # a cycle through a Go pointer
        c = copy.deepcopy(loop)
        c.name = "copy"
        assert c.parent.name == "copy" and c.parent.parent.name == "copy" and loop.name == "loop"
        n = o.Node(1, o.Node(2))
        m = copy.deepcopy(n)
        m.next.value = 20
        assert n.next.value == 2
        shared = [o.IDs([1])]
        pair = copy.deepcopy(shared * 2)        # Python's memo: one object, one copy
        assert pair[0] is pair[1] and pair[0] is not shared[0]
    """,
    "pickle_by_fields": """
        p = o.Point(1.5, -2, "a")
        for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
            q = pickle.loads(pickle.dumps(p, proto))
            assert type(q) is o.Point and q == p
        s = o.Shape(name="s", points=[p], tags={"a": 1}, origin=p, parent=o.Shape(name="up"), raw=b"x",
                    code=255, z=1 + 2j, ratio=0.5, ok=True, count=-3)
        t = pickle.loads(pickle.dumps(s))
        assert (t.name, t.points, t.tags, t.origin, t.parent.name, t.raw, t.code, t.z, t.ratio, t.ok, t.count) == \\
            ("s", [p], {"a": 1}, p, "up", b"x", 255, 1 + 2j, 0.5, True, -3)
        for v in (o.IDs([1, 2]), o.Names(["a"]), o.Vec([1, 2, 3]), o.Set({"a": True}), o.Kelvin(3),
                  o.Pts([p])):
            w = pickle.loads(pickle.dumps(v))
            assert type(w) is type(v) and w.value == v.value
        # The documented format, version 1: (cls, (), (1, "fields", {...})).
        cls, args, state = p.__reduce__()
        assert cls is o.Point and args == () and state == (1, "fields", {"x": 1.5, "y": -2.0, "label": "a"})
    """,
    "pickle_through_marshalers": """
        v = o.parse_version("1.2.3")
        w = pickle.loads(pickle.dumps(v))
        assert str(w) == "1.2.3"
        assert v.__reduce__()[2] == (1, "text", "1.2.3")
        t = pickle.loads(pickle.dumps(o.new_token(258, "name")))
        assert t.describe() == "258:name"
        assert o.new_token(1, "x").__reduce__()[2] == (1, "binary", b"\\x00\\x00\\x00\\x01x")
        c = copy.deepcopy(o.new_token(7, "q"))     # copy ignores the marshalers: a Go copy
        assert c.describe() == "7:q"
        bad = o.Token()
        raises(ValueError, bad.__setstate__, (1, "binary", b"\\x01"), text="token data too short")
        raises(ValueError, o.Version().__setstate__, (1, "text", "x.y"), text="cannot unpickle Go objects.Version")
    """,
    "pickle_refuses_lost_state": """
        s = o.new_secret(1, 2)
        e = raises(TypeError, pickle.dumps, s, text="cannot pickle 'objects.Secret' object")
        assert "Secret.hidden is unexported" in str(e) and "MarshalBinary" in str(e), e
        assert copy.deepcopy(s).hidden() == 2      # copying keeps unexported state (Go assignment)
    """,
    "unpickle_checks_the_format": """
        p = o.Point()
        raises(ValueError, p.__setstate__, (2, "fields", {}), text="format version 2, and this build reads version 1")
        raises(ValueError, p.__setstate__, (1, "fields", {"z": 1}), text="the pickle has field 'z'")
        raises(ValueError, p.__setstate__, "junk", text="not a py4go pickle state")
        raises(ValueError, p.__setstate__, (1, "yaml", ""), text="unknown state kind")
        raises(TypeError, p.__setstate__, (1, "fields", {"x": "a"}), text="Point.x must be float, not str")
        p.__setstate__((1, "fields", {"y": 4}))     # an older pickle without some fields: zero values
        assert (p.x, p.y) == (0.0, 4.0)
        raises(ValueError, o.Token().__setstate__, (1, "text", "x"), text="cannot read")
    """,
    "named_slice_is_a_mutable_sequence": """
        import collections.abc as abc
        ids = o.IDs([1, 2, 3])
        assert isinstance(ids, abc.MutableSequence) and not isinstance(ids, abc.MutableMapping)
        assert len(ids) == 3 and list(ids) == [1, 2, 3] and ids == [1, 2, 3] and ids != [1, 2]
        assert ids[0] == 1 and ids[-1] == 3 and ids[0:2] == [1, 2] and ids[::-1] == [3, 2, 1]
        assert 2 in ids and 5 not in ids and "x" not in ids
        assert list(reversed(ids)) == [3, 2, 1] and ids.index(2) == 1 and ids.count(3) == 1
        raises(IndexError, lambda: ids[3], text="IDs index out of range")
        raises(IndexError, lambda: ids[-4])
        raises(TypeError, lambda: ids["a"], text="IDs indices must be integers or slices, not str")
        ids[0] = 10
        ids[-1] = 30
        assert ids.value == [10, 2, 30] and ids.sum() == 42   # written through to the Go value
        ids += [4, 5]
        ids.append(6)
        ids.extend(range(7, 9))
        assert ids.value == [10, 2, 30, 4, 5, 6, 7, 8]
        ids.push(9)                                           # a Go method sees Python's changes
        assert ids[-1] == 9 and len(ids) == 9
        del ids[0]
        ids[0:2] = [100]
        ids.insert(0, -1)
        assert ids.pop() == 9 and ids.value == [-1, 100, 4, 5, 6, 7, 8]
        ids.remove(100)
        ids.reverse()
        assert ids == [8, 7, 6, 5, 4, -1]
        raises(TypeError, ids.__setitem__, 0, "x", text="IDs.__setitem__ must be int, not str")
        raises(OverflowError, ids.append, 2**70)
        raises(TypeError, ids.extend, [1, "x"], text="[1] must be int, not str")
        assert ids == [8, 7, 6, 5, 4, -1]                     # a failed extend changed nothing
        ids.clear()
        assert ids == [] and len(ids) == 0 and not ids
        other = o.IDs([1])
        assert o.IDs([1]) == other and o.IDs([1]) != o.IDs([2])
        raises(TypeError, hash, other)
        assert o.Names(["a", "b"]).join("-") == "a-b" and "a" in o.Names(["a"])
    """,
    "named_array_is_a_fixed_sequence": """
        import collections.abc as abc
        v = o.Vec([1, 2, 3])
        assert isinstance(v, abc.Sequence) and not isinstance(v, abc.MutableSequence)
        assert v == [1.0, 2.0, 3.0] and len(v) == 3 and v[-1] == 3.0 and v[1:] == [2.0, 3.0]
        v[0] = 5
        assert v.dot(o.Vec([1, 0, 0])) == 5.0
        v[0:2] = [7, 8]                                      # same length: fine
        assert list(v) == [7.0, 8.0, 3.0]
        raises(ValueError, v.__delitem__, 0, text="cannot change the length of Vec, a Go array of length 3")
        raises(ValueError, v.__setitem__, slice(0, 1), [1, 2], text="cannot change the length of Vec")
        assert list(v) == [7.0, 8.0, 3.0]
        assert not hasattr(v, "append")
    """,
    "named_map_is_a_mutable_mapping": """
        import collections.abc as abc
        s = o.Set({"a": True, "b": False})
        assert isinstance(s, abc.MutableMapping)
        assert len(s) == 2 and "a" in s and "z" not in s and 5 not in s
        assert s["a"] is True and s.get("z") is None and s.get("z", 1) == 1 and s.get(5, 2) == 2
        assert sorted(s) == ["a", "b"] and sorted(s.keys()) == ["a", "b"]
        assert sorted(s.items()) == [("a", True), ("b", False)] and sorted(s.values()) == [False, True]
        assert dict(s) == {"a": True, "b": False} and s == {"a": True, "b": False}
        raises(KeyError, lambda: s["z"])
        raises(KeyError, lambda: s[5])
        s["c"] = True
        del s["a"]
        raises(KeyError, s.__delitem__, "a")
        assert s.has("c") and not s.has("a")                 # Go's method sees the change
        raises(TypeError, s.__setitem__, "d", 1.5, text="must be bool, not float")
        raises(TypeError, s.__setitem__, 1, True, text="must be str, not int")
        s.update({"x": True}, y=False)
        assert s.pop("x") is True and s.setdefault("y", True) is False
        assert s == {"b": False, "c": True, "y": False}
        s.clear()
        assert s == {} and not s
        e = o.Set()
        e["first"] = True                                     # a nil Go map is made on first store
        assert e.value == {"first": True}
        sc = o.Scores({"x": 1})
        assert sc.get("x") == 1 and sc.get("y") == -1         # Go's Get keeps its name
        assert sc["x"] == 1 and list(sc.items()) == [("x", 1)]
    """,
    "named_containers_cross_as_lists_and_dicts": """
        ids = o.IDs([1, 2, 3, 4])
        assert o.sum_all(ids) == 10                          # IDs where []int is expected
        assert o.count_true(o.Set({"a": True, "b": False, "c": True})) == 2
        ev = o.evens(ids)
        assert type(ev) is o.IDs and ev == [2, 4]
        assert o.evens([1, 2]) == [2]                         # a list where IDs is expected
        pts = o.Pts([o.Point(1), o.Point(2)])
        assert pts.total() == 3.0 and pts[1] == o.Point(2) and len(pts) == 2
        pts.append(o.Point(3))
        assert pts.total() == 6.0
        raises(TypeError, pts.append, 3, text="must be Point, not int")
    """,
    "len_idiom": """
        q = o.Queue()
        assert len(q) == 0 and not q
        q.push("a")
        q.push("b")
        assert len(q) == 2 and q and q.len() == 2
        assert len(o.Broken(3)) == 3
        raises(ValueError, len, o.Broken(-1), text=">= 0")
        raises(TypeError, pickle.dumps, q, text="Queue.items is unexported")
    """,
    "immutable_value_classes_are_hashable": """
        import copy, pickle
        k = o.Kelvin(3)                                # type Kelvin float64, value methods only
        assert hash(k) == hash(o.Kelvin(3.0)) == hash(3.0) and {k: "x"}[o.Kelvin(3)] == "x"
        assert len({o.Kelvin(1), o.Kelvin(1), o.Kelvin(2)}) == 2
        raises(AttributeError, setattr, k, "value", 4.0)   # read-only: a hash never changes
        assert k.value == 3.0
        assert pickle.loads(pickle.dumps(k)) == k and copy.deepcopy(k) == k and copy.copy(k) == k
        assert hash(pickle.loads(pickle.dumps(k))) == hash(k)
        th = o.Thermo(t=o.Kelvin(5))
        t = th.t
        th.heat()                                      # the struct's own field changes...
        assert th.t == o.Kelvin(6) and t == o.Kelvin(5) and hash(t) == hash(5.0)   # ...not a value handed out
        raises(TypeError, hash, o.IDs([1]))            # a named slice stays mutable
        raises(TypeError, hash, o.Vec([1, 2, 3]))      # so does a named array (item assignment)
    """,
}
