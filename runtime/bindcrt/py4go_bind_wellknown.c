/* py4go_bind_wellknown.c — C half of bindc_wellknown.go: the Python objects standing for Go's
 * time.Time (datetime.datetime), time.Duration (datetime.timedelta), *big.Int (int),
 * *big.Rat (fractions.Fraction) and *big.Float (decimal.Decimal). Called from Go with the GIL
 * held; functions leave a Python exception set on failure (NULL or -1). Declared in the cgo
 * preamble of bindc_wellknown.go only: generated C never calls them. */
#include "py4go.h"
#ifndef Py_LIMITED_API
#include <datetime.h>
#endif

#ifndef Py_LIMITED_API
/* datetime's C API capsule, imported on first use (PyDateTimeAPI is per translation unit). */
static int datetime_ready(void)
{
    if (PyDateTimeAPI == NULL)
        PyDateTime_IMPORT;
    return PyDateTimeAPI == NULL ? -1 : 0;
}

/* A timezone-aware datetime: UTC (the timezone.utc singleton) when offset is 0, else a fixed
 * offset of `offset` seconds east of UTC. */
PyObject *py4go_bind_new_datetime(int y, int mo, int d, int h, int mi, int s, int us, int offset)
{
    if (datetime_ready() < 0)
        return NULL;
    PyObject *tz;
    if (offset == 0) {
        tz = Py_NewRef(PyDateTime_TimeZone_UTC);
    } else {
        PyObject *delta = PyDelta_FromDSU(0, offset, 0);
        if (delta == NULL)
            return NULL;
        tz = PyTimeZone_FromOffset(delta);
        Py_DECREF(delta);
        if (tz == NULL)
            return NULL;
    }
    PyObject *r = PyDateTimeAPI->DateTime_FromDateAndTime(y, mo, d, h, mi, s, us, tz, PyDateTimeAPI->DateTimeType);
    Py_DECREF(tz);
    return r;
}

/* Fields of a datetime (or subclass) o: parts[0..6] year, month, day, hour, minute, second,
 * microsecond; parts[7] 1 when o is aware, then parts[8] its UTC offset in whole seconds and
 * parts[9] the offset's microseconds. 1 on success, 0 when o is not a datetime (no
 * exception), -1 with an exception set (utcoffset() failed). */
int py4go_bind_datetime_parts(PyObject *o, long long *parts)
{
    if (datetime_ready() < 0)
        return -1;
    if (!PyDateTime_Check(o))
        return 0;
    parts[0] = PyDateTime_GET_YEAR(o);
    parts[1] = PyDateTime_GET_MONTH(o);
    parts[2] = PyDateTime_GET_DAY(o);
    parts[3] = PyDateTime_DATE_GET_HOUR(o);
    parts[4] = PyDateTime_DATE_GET_MINUTE(o);
    parts[5] = PyDateTime_DATE_GET_SECOND(o);
    parts[6] = PyDateTime_DATE_GET_MICROSECOND(o);
    parts[7] = parts[8] = parts[9] = 0;
    if (!PyDateTime_DATE_GET_TZINFO(o) || PyDateTime_DATE_GET_TZINFO(o) == Py_None)
        return 1;
    PyObject *off = PyObject_CallMethod(o, "utcoffset", NULL);
    if (off == NULL)
        return -1;
    if (off != Py_None) {
        if (!PyDelta_Check(off)) { /* cannot happen: datetime checks what tzinfo returns */
            Py_DECREF(off);
            PyErr_SetString(PyExc_TypeError, "utcoffset() did not return a timedelta");
            return -1;
        }
        parts[7] = 1;
        parts[8] = (long long)PyDateTime_DELTA_GET_DAYS(off) * 86400 + PyDateTime_DELTA_GET_SECONDS(off);
        parts[9] = PyDateTime_DELTA_GET_MICROSECONDS(off);
    }
    Py_DECREF(off);
    return 1;
}

/* timedelta(days, seconds, microseconds), normalised by datetime. */
PyObject *py4go_bind_new_timedelta(int days, int seconds, int us)
{
    if (datetime_ready() < 0)
        return NULL;
    return PyDelta_FromDSU(days, seconds, us);
}

/* A timedelta's normalised days, seconds and microseconds in parts[0..2]: 1, or 0 when o is
 * not a timedelta (no exception), -1 when datetime cannot be imported. */
int py4go_bind_timedelta_parts(PyObject *o, long long *parts)
{
    if (datetime_ready() < 0)
        return -1;
    if (!PyDelta_Check(o))
        return 0;
    parts[0] = PyDateTime_DELTA_GET_DAYS(o);
    parts[1] = PyDateTime_DELTA_GET_SECONDS(o);
    parts[2] = PyDateTime_DELTA_GET_MICROSECONDS(o);
    return 1;
}

#else /* Py_LIMITED_API */

/* The limited API has no datetime C API (datetime.h): the same four conversions through the
 * datetime module's classes and attributes, which every Python version keeps. */

enum { DT_DATETIME = 0, DT_TIMEDELTA = 1, DT_TIMEZONE = 2 };
static PyObject *dt_cache[3];

/* datetime.datetime / timedelta / timezone, imported on first use (borrowed, cached). */
static PyObject *dt_class(int which)
{
    static const char *const names[] = {"datetime", "timedelta", "timezone"};
    if (dt_cache[which] == NULL) {
        PyObject *mod = PyImport_ImportModule("datetime");
        if (mod == NULL)
            return NULL;
        dt_cache[which] = PyObject_GetAttrString(mod, names[which]);
        Py_DECREF(mod);
    }
    return dt_cache[which];
}

/* Integer attributes of o into parts[0..n-1]; -1 with an exception set when one fails. */
static int int_attrs(PyObject *o, const char *const *names, int n, long long *parts)
{
    for (int i = 0; i < n; i++) {
        PyObject *v = PyObject_GetAttrString(o, names[i]);
        if (v == NULL)
            return -1;
        parts[i] = PyLong_AsLongLong(v);
        Py_DECREF(v);
        if (parts[i] == -1 && PyErr_Occurred())
            return -1;
    }
    return 0;
}

PyObject *py4go_bind_new_timedelta(int days, int seconds, int us);

PyObject *py4go_bind_new_datetime(int y, int mo, int d, int h, int mi, int s, int us, int offset)
{
    PyObject *datetime = dt_class(DT_DATETIME), *timezone = dt_class(DT_TIMEZONE);
    if (datetime == NULL || timezone == NULL)
        return NULL;
    PyObject *tz;
    if (offset == 0) {
        tz = PyObject_GetAttrString(timezone, "utc");
    } else {
        PyObject *delta = py4go_bind_new_timedelta(0, offset, 0);
        if (delta == NULL)
            return NULL;
        tz = PyObject_CallOneArg(timezone, delta);
        Py_DECREF(delta);
    }
    if (tz == NULL)
        return NULL;
    PyObject *r = PyObject_CallFunction(datetime, "iiiiiiiO", y, mo, d, h, mi, s, us, tz);
    Py_DECREF(tz);
    return r;
}

int py4go_bind_datetime_parts(PyObject *o, long long *parts)
{
    static const char *const fields[] = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
    static const char *const delta_fields[] = {"days", "seconds", "microseconds"};
    PyObject *datetime = dt_class(DT_DATETIME);
    if (datetime == NULL)
        return -1;
    int is = PyObject_IsInstance(o, datetime);
    if (is <= 0)
        return is;
    if (int_attrs(o, fields, 7, parts) < 0)
        return -1;
    parts[7] = parts[8] = parts[9] = 0;
    PyObject *off = PyObject_CallMethod(o, "utcoffset", NULL); /* None when naive */
    if (off == NULL)
        return -1;
    if (off != Py_None) {
        long long dsu[3];
        if (int_attrs(off, delta_fields, 3, dsu) < 0) {
            Py_DECREF(off);
            return -1;
        }
        parts[7] = 1;
        parts[8] = dsu[0] * 86400 + dsu[1];
        parts[9] = dsu[2];
    }
    Py_DECREF(off);
    return 1;
}

PyObject *py4go_bind_new_timedelta(int days, int seconds, int us)
{
    PyObject *timedelta = dt_class(DT_TIMEDELTA);
    return timedelta == NULL ? NULL : PyObject_CallFunction(timedelta, "iii", days, seconds, us);
}

int py4go_bind_timedelta_parts(PyObject *o, long long *parts)
{
    static const char *const fields[] = {"days", "seconds", "microseconds"};
    PyObject *timedelta = dt_class(DT_TIMEDELTA);
    if (timedelta == NULL)
        return -1;
    int is = PyObject_IsInstance(o, timedelta);
    if (is <= 0)
        return is;
    return int_attrs(o, fields, 3, parts) < 0 ? -1 : 1;
}

#endif /* Py_LIMITED_API */

/* The hexadecimal text of an integer o (an int, or any object with __index__), as a new str
 * ("-0x1f") in *out: 1, or 0 when o is not an integer (no exception), -1 with an exception. */
int py4go_bind_int_hex(PyObject *o, PyObject **out)
{
    *out = NULL;
    if (PyFloat_Check(o) || !PyIndex_Check(o))
        return 0;
    PyObject *i = PyNumber_Index(o);
    if (i == NULL)
        return -1;
    *out = PyNumber_ToBase(i, 16);
    Py_DECREF(i);
    return *out == NULL ? -1 : 1;
}

/* int(text, 16) for the NUL-terminated hexadecimal text of a Go big.Int ("-1f"). */
PyObject *py4go_bind_int_from_hex(const char *text)
{
    return PyLong_FromString(text, NULL, 16);
}

/* Classes of the standard library the conversions use, imported on first use (borrowed,
 * cached references that live as long as the process). */
enum { STD_RATIONAL = 0, STD_FRACTION = 1, STD_DECIMAL = 2 };
static PyObject *std_cache[3];

static PyObject *std_class(int which)
{
    static const char *const modules[] = {"numbers", "fractions", "decimal"};
    static const char *const names[] = {"Rational", "Fraction", "Decimal"};
    if (std_cache[which] == NULL) {
        PyObject *mod = PyImport_ImportModule(modules[which]);
        if (mod == NULL)
            return NULL;
        std_cache[which] = PyObject_GetAttrString(mod, names[which]);
        Py_DECREF(mod);
    }
    return std_cache[which];
}

/* The numerator and denominator (new references, in out[0], out[1]) of a numbers.Rational
 * (a Fraction, an int): 1, 0 when o is not one (no exception), -1 with an exception set. */
int py4go_bind_rational_parts(PyObject *o, PyObject **out)
{
    out[0] = out[1] = NULL;
    PyObject *cls = std_class(STD_RATIONAL);
    if (cls == NULL)
        return -1;
    int is = PyObject_IsInstance(o, cls);
    if (is <= 0)
        return is;
    out[0] = PyObject_GetAttrString(o, "numerator");
    if (out[0] == NULL)
        return -1;
    out[1] = PyObject_GetAttrString(o, "denominator");
    if (out[1] == NULL) {
        Py_CLEAR(out[0]);
        return -1;
    }
    return 1;
}

/* fractions.Fraction(num, den); steals both references (even on failure). */
PyObject *py4go_bind_new_fraction(PyObject *num, PyObject *den)
{
    PyObject *cls = std_class(STD_FRACTION);
    PyObject *r = cls == NULL ? NULL : PyObject_CallFunctionObjArgs(cls, num, den, NULL);
    Py_DECREF(num);
    Py_DECREF(den);
    return r;
}

/* str(o) as a new reference when o is a decimal.Decimal: 1, 0 when it is not one (no
 * exception), -1 with an exception set. */
int py4go_bind_decimal_text(PyObject *o, PyObject **out)
{
    *out = NULL;
    PyObject *cls = std_class(STD_DECIMAL);
    if (cls == NULL)
        return -1;
    int is = PyObject_IsInstance(o, cls);
    if (is <= 0)
        return is;
    *out = PyObject_Str(o);
    return *out == NULL ? -1 : 1;
}

/* decimal.Decimal(text) for the exact decimal text of a Go big.Float (n bytes of UTF-8). */
PyObject *py4go_bind_new_decimal(const char *text, Py_ssize_t n)
{
    PyObject *cls = std_class(STD_DECIMAL);
    if (cls == NULL)
        return NULL;
    PyObject *s = PyUnicode_FromStringAndSize(text, n);
    if (s == NULL)
        return NULL;
    PyObject *r = PyObject_CallOneArg(cls, s);
    Py_DECREF(s);
    return r;
}

/* Which well-known Python type o is, for an object inside an any (bindcAnyObject): 1 a
 * datetime.datetime, 2 a datetime.timedelta, 3 a fractions.Fraction, 4 a decimal.Decimal
 * (subclasses included), 0 none of them. A module not imported yet is not imported: no
 * instance of its classes can exist. A failing check counts as "none" (its exception is
 * cleared): the object then simply stays a Python object. */
int py4go_bind_wellknown_kind(PyObject *o)
{
    static const char *const modules[] = {"datetime", "datetime", "fractions", "decimal"};
    static const char *const names[] = {"datetime", "timedelta", "Fraction", "Decimal"};
    for (int i = 0; i < 4; i++) {
        PyObject *name = PyUnicode_FromString(modules[i]);
        if (name == NULL) {
            PyErr_Clear();
            return 0;
        }
        PyObject *mod = PyImport_GetModule(name); /* NULL without an exception when not imported */
        Py_DECREF(name);
        if (mod == NULL) {
            PyErr_Clear();
            continue;
        }
        PyObject *cls = PyObject_GetAttrString(mod, names[i]);
        Py_DECREF(mod);
        if (cls == NULL) {
            PyErr_Clear();
            continue;
        }
        int is = PyObject_IsInstance(o, cls);
        Py_DECREF(cls);
        if (is < 0)
            PyErr_Clear();
        if (is > 0)
            return i + 1;
    }
    return 0;
}
