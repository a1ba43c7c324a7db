/* The engine's hot paths in C: the Box and Trace records, the primitive wrapper's common calls, recording
 * on a reverse-mode tape, and the reverse pass. Each one does exactly what the pure-Python code beside it
 * does (tracing.py, reverse.py), which remains the reference and the fallback when this module is absent;
 * anything off the common path is handed to that Python code. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <pythread.h>

typedef struct {
    PyObject_HEAD
    PyObject *value;
    PyObject *trace;
    PyObject *node;
} BoxObject;

typedef struct {
    PyObject_HEAD
    long long level;
    char active;
    PyObject *thread;
    PyObject *tape;
} TraceObject;

typedef struct {
    PyObject_HEAD
    PyObject *fun;
    PyObject *general;  /* general(primitive, fun, args, kwargs): every call the fast paths do not take */
    PyObject *dict;
    PyObject *weakrefs;
    vectorcallfunc vectorcall;
} PrimitiveObject;

typedef struct {
    PyObject_HEAD
    PyObject *derivative;
    vectorcallfunc vectorcall;
} ProductRuleObject;

typedef struct {
    PyObject_HEAD
    PyObject *fun;
    Py_ssize_t argnum;
    vectorcallfunc vectorcall;
} SameRuleObject;

typedef struct {
    PyObject_HEAD
    PyObject *box_type;
    PyObject *kinds;
    PyObject *otherwise;  /* otherwise(value, trace): the result for the other kinds; NULL: value itself */
    vectorcallfunc vectorcall;
} BoxIfKindObject;

static PyTypeObject BoxBase_Type;
static PyTypeObject TraceBase_Type;
static PyTypeObject Primitive_Type;
static PyTypeObject BoxIfKind_Type;
static PyTypeObject ProductRule_Type;
static PyTypeObject SameRule_Type;

/* Set by configure() from reverse.py. */
static PyObject *box_makers;      /* Box.type_mappings: value type -> box class, or None */
static PyObject *box_type_of;     /* box_type_of(value_type), for types not in box_makers yet */
static PyObject *constant_trace;  /* CONSTANT: the trace of arrays made inside differentiated code */
static PyObject *reverse_record;  /* ReverseTrace.record: traces using it are recorded here */
static PyObject *forward_record;  /* ForwardTrace.record: likewise */
static PyObject *jvps_by_argnum;
static PyObject *node_jvp;
static PyObject *add_tangents;
static PyObject *vjps_by_argnum;
static PyObject *direct_vjp_type;
static PyObject *sparse_type;
static PyObject *node_vjps;
static PyObject *missing_rule;
static PyObject *accumulate;
static PyObject *accumulators;

/* Set by the array layer: whether ``d * g`` may be computed as ``d *= g`` for a temporary ``d``. The test
 * is about d's memory and g's dtype and shape, not the operator, so it serves ``d + g`` as well. */
static int (*multiplies_in_place)(PyObject *d, PyObject *g) = NULL;

static PyObject *empty_dict;
static PyObject *first_argnum, *second_argnum, *both_argnums;
static PyObject *str_notrace, *str_record, *str_vjp, *str_densify, *str_check_thread, *str_dtype, *str_kind;

#define IS_BOX(o) PyObject_TypeCheck((o), &BoxBase_Type)
#define MAX_STACK_ARGS 8

/* ------------------------------------------------------------------------------------------------ Box */

static PyObject *
Box_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"value", "trace", "node", NULL};
    PyObject *value = NULL, *trace = NULL, *node = NULL;
    if (kwds == NULL && PyTuple_GET_SIZE(args) == 3) {
        value = PyTuple_GET_ITEM(args, 0);
        trace = PyTuple_GET_ITEM(args, 1);
        node = PyTuple_GET_ITEM(args, 2);
    }
    else if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOO", kwlist, &value, &trace, &node)) {
        return NULL;
    }
    BoxObject *self = (BoxObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    Py_INCREF(value);
    Py_INCREF(trace);
    Py_INCREF(node);
    self->value = value;
    self->trace = trace;
    self->node = node;
    return (PyObject *)self;
}

/* Sets the fields again, for subclasses whose __init__ calls Box.__init__(self, value, trace, node). */
static int
Box_init(BoxObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"value", "trace", "node", NULL};
    PyObject *value, *trace, *node;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOO", kwlist, &value, &trace, &node)) {
        return -1;
    }
    Py_INCREF(value);
    Py_INCREF(trace);
    Py_INCREF(node);
    Py_XSETREF(self->value, value);
    Py_XSETREF(self->trace, trace);
    Py_XSETREF(self->node, node);
    return 0;
}

static int
Box_traverse(BoxObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->value);
    Py_VISIT(self->trace);
    Py_VISIT(self->node);
    return 0;
}

static int
Box_clear(BoxObject *self)
{
    Py_CLEAR(self->value);
    Py_CLEAR(self->trace);
    Py_CLEAR(self->node);
    return 0;
}

static void
Box_dealloc(BoxObject *self)
{
    PyObject_GC_UnTrack(self);
    Box_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef Box_members[] = {
    {"_value", T_OBJECT_EX, offsetof(BoxObject, value), 0, "the traced value"},
    {"_trace", T_OBJECT_EX, offsetof(BoxObject, trace), 0, "the trace that follows it"},
    {"_node", T_OBJECT_EX, offsetof(BoxObject, node), 0, "that trace's record of it"},
    {NULL}
};

static PyTypeObject BoxBase_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "autograd.engine._speedups.BoxBase",
    .tp_doc = "BoxBase(value, trace, node)\n--\n\nThe fields of a Box: _value, _trace, _node.",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_new = Box_new,
    .tp_init = (initproc)Box_init,
    .tp_dealloc = (destructor)Box_dealloc,
    .tp_traverse = (traverseproc)Box_traverse,
    .tp_clear = (inquiry)Box_clear,
    .tp_members = Box_members,
};

static int has_kind(BoxIfKindObject *maker, PyObject *value);

/* Box ``value`` for ``trace`` at tape position ``node`` with ``maker`` (a box class or BoxIfKind); skips
 * the generic type call for box classes that add no __init__ of their own. Steals a reference to ``node``. */
static PyObject *
make_box(PyObject *maker, PyObject *value, PyObject *trace, PyObject *node)
{
    if (Py_IS_TYPE(maker, &BoxIfKind_Type)) {
        int boxed = has_kind((BoxIfKindObject *)maker, value);
        if (boxed <= 0) {
            Py_DECREF(node);
            PyObject *otherwise = ((BoxIfKindObject *)maker)->otherwise;
            if (boxed < 0) {
                return NULL;
            }
            if (otherwise != NULL) {
                PyObject *args[2] = {value, trace};
                return PyObject_Vectorcall(otherwise, args, 2, NULL);
            }
            Py_INCREF(value);
            return value;
        }
        maker = ((BoxIfKindObject *)maker)->box_type;
    }
    if (PyType_Check(maker)) {
        PyTypeObject *type = (PyTypeObject *)maker;
        if (type->tp_new == Box_new && type->tp_init == (initproc)Box_init) {
            BoxObject *box = (BoxObject *)type->tp_alloc(type, 0);
            if (box == NULL) {
                Py_DECREF(node);
                return NULL;
            }
            Py_INCREF(value);
            Py_INCREF(trace);
            box->value = value;
            box->trace = trace;
            box->node = node;
            return (PyObject *)box;
        }
    }
    PyObject *args[3] = {value, trace, node};
    PyObject *box = PyObject_Vectorcall(maker, args, 3, NULL);
    Py_DECREF(node);
    return box;
}

/* -------------------------------------------------------------------------------------------- BoxIfKind */

/* 1 if ``value.dtype.kind`` is one of ``maker``'s kinds, 0 if not, -1 on error. */
static int
has_kind(BoxIfKindObject *maker, PyObject *value)
{
    PyObject *dtype = PyObject_GetAttr(value, str_dtype);
    if (dtype == NULL) {
        return -1;
    }
    PyObject *kind = PyObject_GetAttr(dtype, str_kind);
    Py_DECREF(dtype);
    if (kind == NULL) {
        return -1;
    }
    int found = PySequence_Contains(maker->kinds, kind);
    Py_DECREF(kind);
    return found;
}

static PyObject *
BoxIfKind_vectorcall(BoxIfKindObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (PyVectorcall_NARGS(nargsf) != 3 || kwnames != NULL) {
        PyErr_SetString(PyExc_TypeError, "BoxIfKind takes (value, trace, node)");
        return NULL;
    }
    Py_INCREF(args[2]);
    return make_box((PyObject *)self, args[0], args[1], args[2]);
}

static PyObject *
BoxIfKind_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *box_type, *kinds, *otherwise = NULL;
    if (!PyArg_ParseTuple(args, "OU|O:BoxIfKind", &box_type, &kinds, &otherwise)) {
        return NULL;
    }
    BoxIfKindObject *self = (BoxIfKindObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    Py_INCREF(box_type);
    Py_INCREF(kinds);
    Py_XINCREF(otherwise);
    self->box_type = box_type;
    self->kinds = kinds;
    self->otherwise = otherwise;
    self->vectorcall = (vectorcallfunc)BoxIfKind_vectorcall;
    return (PyObject *)self;
}

static int
BoxIfKind_traverse(BoxIfKindObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->box_type);
    Py_VISIT(self->kinds);
    Py_VISIT(self->otherwise);
    return 0;
}

static int
BoxIfKind_clear(BoxIfKindObject *self)
{
    Py_CLEAR(self->box_type);
    Py_CLEAR(self->kinds);
    Py_CLEAR(self->otherwise);
    return 0;
}

static void
BoxIfKind_dealloc(BoxIfKindObject *self)
{
    PyObject_GC_UnTrack(self);
    BoxIfKind_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef BoxIfKind_members[] = {
    {"box_type", T_OBJECT, offsetof(BoxIfKindObject, box_type), READONLY, NULL},
    {"kinds", T_OBJECT, offsetof(BoxIfKindObject, kinds), READONLY, NULL},
    {"otherwise", T_OBJECT, offsetof(BoxIfKindObject, otherwise), READONLY, NULL},
    {NULL}
};

static PyTypeObject BoxIfKind_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "autograd.engine._speedups.BoxIfKind",
    .tp_doc = "BoxIfKind(box_type, kinds, otherwise=None)\n--\n\n"
              "A box maker: values whose dtype.kind is one of kinds go in box_type boxes, others stay plain "
              "(or become otherwise(value, trace)).",
    .tp_basicsize = sizeof(BoxIfKindObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_new = BoxIfKind_new,
    .tp_dealloc = (destructor)BoxIfKind_dealloc,
    .tp_traverse = (traverseproc)BoxIfKind_traverse,
    .tp_clear = (inquiry)BoxIfKind_clear,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(BoxIfKindObject, vectorcall),
    .tp_members = BoxIfKind_members,
};

/* ------------------------------------------------------------------------------------------ ProductRule */

/* ``rule(g, ans, *args, **kwargs) = derivative(ans, *args, **kwargs) * g``: a derivative rule in the form
 * both passes call, without a Python frame of its own. */
static PyObject *
ProductRule_vectorcall(ProductRuleObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "a product rule takes (g, ans, *args)");
        return NULL;
    }
    PyObject *derivative = PyObject_Vectorcall(self->derivative, args + 1, nargs - 1, kwnames);
    if (derivative == NULL) {
        return NULL;
    }
    /* Python's ``derivative * g`` lets NumPy write into a temporary derivative it alone holds; NumPy does
     * that only when called from the interpreter, so here the array layer's test says when it may. */
    PyObject *result = Py_REFCNT(derivative) == 1 && multiplies_in_place != NULL
                               && multiplies_in_place(derivative, args[0])
                           ? PyNumber_InPlaceMultiply(derivative, args[0])
                           : PyNumber_Multiply(derivative, args[0]);
    Py_DECREF(derivative);
    return result;
}

static PyObject *
ProductRule_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *derivative;
    if (!PyArg_ParseTuple(args, "O:ProductRule", &derivative)) {
        return NULL;
    }
    ProductRuleObject *self = (ProductRuleObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    Py_INCREF(derivative);
    self->derivative = derivative;
    self->vectorcall = (vectorcallfunc)ProductRule_vectorcall;
    return (PyObject *)self;
}

static int
ProductRule_traverse(ProductRuleObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->derivative);
    return 0;
}

static int
ProductRule_clear(ProductRuleObject *self)
{
    Py_CLEAR(self->derivative);
    return 0;
}

static void
ProductRule_dealloc(ProductRuleObject *self)
{
    PyObject_GC_UnTrack(self);
    ProductRule_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef ProductRule_members[] = {
    {"derivative", T_OBJECT, offsetof(ProductRuleObject, derivative), READONLY, NULL},
    {NULL}
};

static PyTypeObject ProductRule_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "autograd.engine._speedups.ProductRule",
    .tp_doc = "ProductRule(derivative)\n--\n\n"
              "The rule (g, ans, *args, **kwargs) -> derivative(ans, *args, **kwargs) * g.",
    .tp_basicsize = sizeof(ProductRuleObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_new = ProductRule_new,
    .tp_dealloc = (destructor)ProductRule_dealloc,
    .tp_traverse = (traverseproc)ProductRule_traverse,
    .tp_clear = (inquiry)ProductRule_clear,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(ProductRuleObject, vectorcall),
    .tp_members = ProductRule_members,
};

/* --------------------------------------------------------------------------------------------- SameRule */

/* ``rule(g, ans, *args, **kwargs) = fun(*args with args[argnum] = g, **kwargs)``: the JVP of a function
 * linear in argument ``argnum`` (defjvp's 'same'). */
static PyObject *
SameRule_vectorcall(SameRuleObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf) - 2;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs <= self->argnum) {
        PyErr_Format(PyExc_TypeError, "a 'same' rule for argument %zd got %zd arguments", self->argnum, nargs);
        return NULL;
    }
    PyObject *stack[MAX_STACK_ARGS + 2];
    PyObject **values = stack;
    if (nargs + nkw > MAX_STACK_ARGS + 2) {
        values = PyMem_Malloc((nargs + nkw) * sizeof(PyObject *));
        if (values == NULL) {
            return PyErr_NoMemory();
        }
    }
    for (Py_ssize_t i = 0; i < nargs + nkw; i++) {
        values[i] = args[i + 2];
    }
    values[self->argnum] = args[0];
    PyObject *result = PyObject_Vectorcall(self->fun, values, nargs, kwnames);
    if (values != stack) {
        PyMem_Free(values);
    }
    return result;
}

static PyObject *
SameRule_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *fun;
    Py_ssize_t argnum;
    if (!PyArg_ParseTuple(args, "On:SameRule", &fun, &argnum)) {
        return NULL;
    }
    if (argnum < 0) {
        PyErr_SetString(PyExc_ValueError, "SameRule: argnum must be >= 0");
        return NULL;
    }
    SameRuleObject *self = (SameRuleObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    Py_INCREF(fun);
    self->fun = fun;
    self->argnum = argnum;
    self->vectorcall = (vectorcallfunc)SameRule_vectorcall;
    return (PyObject *)self;
}

static int
SameRule_traverse(SameRuleObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->fun);
    return 0;
}

static int
SameRule_clear(SameRuleObject *self)
{
    Py_CLEAR(self->fun);
    return 0;
}

static void
SameRule_dealloc(SameRuleObject *self)
{
    PyObject_GC_UnTrack(self);
    SameRule_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject SameRule_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "autograd.engine._speedups.SameRule",
    .tp_doc = "SameRule(fun, argnum)\n--\n\n"
              "The rule (g, ans, *args, **kwargs) -> fun(*args with args[argnum] = g, **kwargs).",
    .tp_basicsize = sizeof(SameRuleObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_new = SameRule_new,
    .tp_dealloc = (destructor)SameRule_dealloc,
    .tp_traverse = (traverseproc)SameRule_traverse,
    .tp_clear = (inquiry)SameRule_clear,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(SameRuleObject, vectorcall),
};

/* ---------------------------------------------------------------------------------------------- Trace */

static int
Trace_traverse(TraceObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->thread);
    Py_VISIT(self->tape);
    return 0;
}

static int
Trace_clear(TraceObject *self)
{
    Py_CLEAR(self->thread);
    Py_CLEAR(self->tape);
    return 0;
}

static void
Trace_dealloc(TraceObject *self)
{
    PyObject_GC_UnTrack(self);
    Trace_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static long long trace_levels = 0;  /* levels only grow, so a trace started inside another outranks it */

static int
Trace_init(TraceObject *self, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) != 0 || (kwds != NULL && PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_SetString(PyExc_TypeError, "Trace() takes no arguments");
        return -1;
    }
    PyObject *thread = PyLong_FromUnsignedLong(PyThread_get_thread_ident());
    if (thread == NULL) {
        return -1;
    }
    self->level = ++trace_levels;
    self->active = 1;
    Py_XSETREF(self->thread, thread);
    return 0;
}

static PyMemberDef Trace_members[] = {
    {"level", T_LONGLONG, offsetof(TraceObject, level), 0, "rank among nested traces"},
    {"active", T_BOOL, offsetof(TraceObject, active), 0, "whether its function is still running"},
    {"thread", T_OBJECT, offsetof(TraceObject, thread), 0, "the thread running it"},
    {"tape", T_OBJECT_EX, offsetof(TraceObject, tape), 0, "reverse mode's record of the calls"},
    {NULL}
};

static PyTypeObject TraceBase_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "autograd.engine._speedups.TraceBase",
    .tp_doc = "The fields of a Trace: level, active, thread and (reverse mode) tape.",
    .tp_basicsize = sizeof(TraceObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Trace_init,
    .tp_dealloc = (destructor)Trace_dealloc,
    .tp_traverse = (traverseproc)Trace_traverse,
    .tp_clear = (inquiry)Trace_clear,
    .tp_members = Trace_members,
};

/* ------------------------------------------------------------------------------------------ recording */

static inline Py_ssize_t
seq_size(PyObject *seq)
{
    return PyTuple_Check(seq) ? PyTuple_GET_SIZE(seq) : PyList_GET_SIZE(seq);
}

static inline PyObject *
seq_item(PyObject *seq, Py_ssize_t i)
{
    return PyTuple_Check(seq) ? PyTuple_GET_ITEM(seq, i) : PyList_GET_ITEM(seq, i);
}

static int
is_sequence(PyObject *seq)
{
    return PyTuple_Check(seq) || PyList_Check(seq);
}

/* ``fun(*lead, *args, **kwargs)`` for a tuple or list ``args`` and a dict ``kwargs``. */
static PyObject *
call_spread(PyObject *fun, PyObject **lead, Py_ssize_t nlead, PyObject *args, PyObject *kwargs)
{
    Py_ssize_t nargs = seq_size(args);
    PyObject *stack[MAX_STACK_ARGS + 2];
    PyObject **values = stack;
    if (nargs + nlead > MAX_STACK_ARGS + 2) {
        values = PyMem_Malloc((nargs + nlead) * sizeof(PyObject *));
        if (values == NULL) {
            return PyErr_NoMemory();
        }
    }
    for (Py_ssize_t i = 0; i < nlead; i++) {
        values[i] = lead[i];
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        values[nlead + i] = seq_item(args, i);
    }
    PyObject *result = PyObject_VectorcallDict(fun, values, nargs + nlead, PyDict_GET_SIZE(kwargs) ? kwargs : NULL);
    if (values != stack) {
        PyMem_Free(values);
    }
    return result;
}

static int
raise_missing(const char *mode, PyObject *fun, PyObject *argnum)
{
    PyObject *error = PyObject_CallFunction(missing_rule, "sOO", mode, fun, argnum);
    if (error != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(error), error);
        Py_DECREF(error);
    }
    return -1;
}

/* ``vjp(g, ans, *args, **kwargs)``, or ``maker(ans, *args, **kwargs)(g)`` for closure-making rules. */
static PyObject *
call_rule(PyObject *maker, PyObject *g, PyObject *ans, PyObject *args, PyObject *kwargs)
{
    if ((PyObject *)Py_TYPE(maker) == direct_vjp_type) {
        PyObject *vjp = PyObject_GetAttr(maker, str_vjp);
        if (vjp == NULL) {
            return NULL;
        }
        PyObject *lead[2] = {g, ans};
        PyObject *result = call_spread(vjp, lead, 2, args, kwargs);
        Py_DECREF(vjp);
        return result;
    }
    PyObject *vjp = call_spread(maker, &ans, 1, args, kwargs);
    if (vjp == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallOneArg(vjp, g);
    Py_DECREF(vjp);
    return result;
}


/* Whether ``trace``'s class lets some primitives through untraced (its ``notrace``); -1 on error. */
static int
has_notrace(PyObject *trace)
{
    PyObject *notrace = _PyType_Lookup(Py_TYPE(trace), str_notrace);
    if (notrace == NULL) {
        return 0;
    }
    if (PyAnySet_Check(notrace)) {
        return PySet_GET_SIZE(notrace) != 0;
    }
    return PyObject_IsTrue(notrace);
}

/* 1 if ``trace``'s class lets ``prim`` through untraced, 0 if not, -1 on error. */
static int
passes_through(PyObject *trace, PyObject *prim)
{
    int nonempty = has_notrace(trace);
    if (nonempty <= 0) {
        return nonempty;
    }
    return PySequence_Contains(_PyType_Lookup(Py_TYPE(trace), str_notrace), prim);
}

/* Forward mode: the tangent of ``ans = prim(*argvals, **kwargs)`` given the tangents of ``argnums``
 * (None for zero), as ForwardTrace.record computes it. */
static PyObject *
forward_tangent(PyObject *prim, PyObject *argvals, PyObject *kwargs, PyObject *ans, PyObject *argnums,
                PyObject *tangents)
{
    PyObject *jvps = PyDict_GetItemWithError(jvps_by_argnum, prim);
    if (jvps == NULL && PyErr_Occurred()) {
        return NULL;
    }
    if (jvps != NULL && PyDict_Check(jvps)) {  /* rules given per argument, summed as node_jvp does */
        PyObject *total = NULL;
        for (Py_ssize_t k = 0; k < seq_size(argnums); k++) {
            PyObject *argnum = seq_item(argnums, k);
            PyObject *jvp = PyDict_GetItemWithError(jvps, argnum);
            if (jvp == NULL) {
                if (!PyErr_Occurred()) {
                    raise_missing("forward", prim, argnum);
                }
                Py_XDECREF(total);
                return NULL;
            }
            if (jvp == Py_None) {
                continue;
            }
            PyObject *lead[2] = {seq_item(tangents, k), ans};
            PyObject *tangent = call_spread(jvp, lead, 2, argvals, kwargs);
            if (tangent == NULL) {
                Py_XDECREF(total);
                return NULL;
            }
            if (tangent == Py_None) {
                Py_DECREF(tangent);
            }
            else if (total == NULL) {
                total = tangent;
            }
            else {
                PyObject *sum = PyObject_CallFunctionObjArgs(add_tangents, total, tangent, NULL);
                Py_DECREF(total);
                Py_DECREF(tangent);
                if (sum == NULL) {
                    return NULL;
                }
                total = sum;
            }
        }
        if (total == NULL) {
            Py_RETURN_NONE;
        }
        return total;
    }
    PyObject *callargs[6] = {prim, argnums, tangents, ans, argvals, kwargs};
    return PyObject_Vectorcall(node_jvp, callargs, 6, NULL);
}

/* ``trace.record(prim, argvals, kwargs, ans, argnums, nodes)``; reverse and forward traces are recorded here. Steals
 * the references to argvals, kwargs, ans and nodes. */
static PyObject *
record(TraceObject *trace, PyObject *prim, PyObject *argvals, PyObject *kwargs, PyObject *ans,
       PyObject *argnums, PyObject *nodes)
{
    PyObject *result = NULL, *maker = NULL, *entry = NULL;
    PyObject *method = _PyType_Lookup(Py_TYPE(trace), str_record);
    if (IS_BOX(ans) && ((BoxObject *)ans)->trace == constant_trace) {
        /* A primitive's body made an array while tracing was active (creation functions box them as
           constants, to take assignments): the result is its plain value. */
        PyObject *value = ((BoxObject *)ans)->value;
        Py_INCREF(value);
        Py_SETREF(ans, value);
    }
    int reverse = method != NULL && method == reverse_record && trace->tape != NULL
                  && PyList_CheckExact(trace->tape);
    if (!reverse && (method == NULL || method != forward_record)) {
        result = PyObject_CallMethodObjArgs((PyObject *)trace, str_record, prim, argvals, kwargs, ans,
                                            argnums, nodes, NULL);
        goto done;
    }
    if (trace->thread == NULL || !PyLong_CheckExact(trace->thread)
            || PyLong_AsUnsignedLong(trace->thread) != PyThread_get_thread_ident()) {
        PyErr_Clear();
        PyObject *ok = PyObject_CallMethodOneArg((PyObject *)trace, str_check_thread, prim);
        if (ok == NULL) {
            goto done;
        }
        Py_DECREF(ok);
    }
    maker = PyDict_GetItemWithError(box_makers, (PyObject *)Py_TYPE(ans));
    if (maker != NULL) {
        Py_INCREF(maker);
    }
    else if (PyErr_Occurred() ||
             (maker = PyObject_CallOneArg(box_type_of, (PyObject *)Py_TYPE(ans))) == NULL) {
        goto done;
    }
    if (maker == Py_None) {
        result = ans;
        Py_INCREF(ans);
        goto done;
    }
    if (!reverse) {
        PyObject *tangent = forward_tangent(prim, argvals, kwargs, ans, argnums, nodes);
        if (tangent == Py_None) {
            Py_DECREF(tangent);
            result = ans;
            Py_INCREF(ans);
        }
        else if (tangent != NULL) {
            result = make_box(maker, ans, (PyObject *)trace, tangent);
        }
        goto done;
    }
    entry = PyTuple_Pack(6, prim, argvals, kwargs, ans, argnums, nodes);
    if (entry == NULL || PyList_Append(trace->tape, entry) < 0) {
        goto done;
    }
    PyObject *node = PyLong_FromSsize_t(PyList_GET_SIZE(trace->tape) - 1);
    if (node != NULL) {
        result = make_box(maker, ans, (PyObject *)trace, node);
    }
done:
    Py_XDECREF(entry);
    Py_XDECREF(maker);
    Py_DECREF(argvals);
    Py_DECREF(kwargs);
    Py_XDECREF(ans);
    Py_DECREF(nodes);
    return result;
}

/* -------------------------------------------------------------------------------------------- Primitive */

static PyObject *
kwargs_dict(PyObject *const *kwvalues, PyObject *kwnames)
{
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        Py_INCREF(empty_dict);
        return empty_dict;
    }
    PyObject *kwargs = PyDict_New();
    if (kwargs == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
        if (PyDict_SetItem(kwargs, PyTuple_GET_ITEM(kwnames, i), kwvalues[i]) < 0) {
            Py_DECREF(kwargs);
            return NULL;
        }
    }
    return kwargs;
}

static PyObject *
call_general(PrimitiveObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *argtuple = PyTuple_New(nargs);
    if (argtuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_INCREF(args[i]);
        PyTuple_SET_ITEM(argtuple, i, args[i]);
    }
    PyObject *kwargs = kwnames ? kwargs_dict(args + nargs, kwnames) : PyDict_New();
    if (kwargs == NULL) {
        Py_DECREF(argtuple);
        return NULL;
    }
    PyObject *callargs[4] = {(PyObject *)self, self->fun, argtuple, kwargs};
    PyObject *result = PyObject_Vectorcall(self->general, callargs, 4, NULL);
    Py_DECREF(argtuple);
    Py_DECREF(kwargs);
    return result;
}

/* ``inner(*values, **kwargs)`` where the keyword values follow the positional ones in ``args``. */
static PyObject *
call_with_keywords(PyObject *inner, PyObject **values, Py_ssize_t nvalues, PyObject *const *args,
                   Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nkw == 0) {
        return PyObject_Vectorcall(inner, values, nvalues, NULL);
    }
    PyObject *buffer[MAX_STACK_ARGS + 2];
    for (Py_ssize_t i = 0; i < nvalues; i++) {
        buffer[i] = values[i];
    }
    for (Py_ssize_t i = 0; i < nkw; i++) {
        buffer[nvalues + i] = args[nargs + i];
    }
    return PyObject_Vectorcall(inner, buffer, nvalues, kwnames);
}

/* The same; a primitive calling itself again for boxes inside boxes counts against the recursion limit,
 * as it does in Python, so a box that contains itself raises RecursionError instead of overflowing the
 * C stack. */
static PyObject *
call_with(PyObject *inner, PyObject **values, Py_ssize_t nvalues, PyObject *const *args, Py_ssize_t nargs,
          PyObject *kwnames)
{
    if (!Py_IS_TYPE(inner, &Primitive_Type)) {
        return call_with_keywords(inner, values, nvalues, args, nargs, kwnames);
    }
    if (Py_EnterRecursiveCall(" while unwrapping boxes inside boxes")) {
        return NULL;
    }
    PyObject *result = call_with_keywords(inner, values, nvalues, args, nargs, kwnames);
    Py_LeaveRecursiveCall();
    return result;
}

/* A traced operand's trace when the common paths can take it: a running trace. */
static TraceObject *
running_trace(PyObject *arg)
{
    BoxObject *box = (BoxObject *)arg;
    if (box->trace == NULL || box->value == NULL || !PyObject_TypeCheck(box->trace, &TraceBase_Type)) {
        return NULL;
    }
    TraceObject *trace = (TraceObject *)box->trace;
    return trace->active ? trace : NULL;
}

static PyObject *
primitive_call(PrimitiveObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    int boxed = 0;
    for (Py_ssize_t i = 0; i < nargs + nkw; i++) {
        if (IS_BOX(args[i])) {
            if (i >= nargs) {
                return call_general(self, args, nargs, kwnames);
            }
            boxed = 1;
        }
    }
    if (!boxed) {
        return PyObject_Vectorcall(self->fun, args, nargsf, kwnames);
    }
    if (nkw > MAX_STACK_ARGS || nargs > 2) {
        return call_general(self, args, nargs, kwnames);
    }
    if (nargs == 1) {
        BoxObject *box = (BoxObject *)args[0];
        if (box->trace == NULL || box->value == NULL || !PyObject_TypeCheck(box->trace, &TraceBase_Type)
                || !((TraceObject *)box->trace)->active) {
            return call_general(self, args, nargs, kwnames);
        }
        TraceObject *trace = (TraceObject *)box->trace;
        PyObject *value = box->value;
        PyObject *inner = IS_BOX(value) ? (PyObject *)self : self->fun;
        int skip = passes_through((PyObject *)trace, (PyObject *)self);
        if (skip < 0) {
            return NULL;
        }
        Py_INCREF(box);  /* the call below may rebind the box's fields */
        Py_INCREF(value);
        PyObject *node = box->node;
        Py_INCREF(node);
        Py_INCREF(trace);
        PyObject *ans = call_with(inner, &value, 1, args, nargs, kwnames);
        PyObject *result = NULL;
        if (ans == NULL || skip) {
            result = ans;
            Py_DECREF(node);
        }
        else {
            PyObject *argvals = PyTuple_Pack(1, value);
            PyObject *kwargs = kwargs_dict(args + nargs, kwnames);
            PyObject *nodes = PyTuple_New(1);
            if (argvals == NULL || kwargs == NULL || nodes == NULL) {
                Py_XDECREF(argvals);
                Py_XDECREF(kwargs);
                Py_XDECREF(nodes);
                Py_DECREF(ans);
                Py_DECREF(node);
            }
            else {
                PyTuple_SET_ITEM(nodes, 0, node);
                result = record(trace, (PyObject *)self, argvals, kwargs, ans, first_argnum, nodes);
            }
        }
        Py_DECREF(trace);
        Py_DECREF(value);
        Py_DECREF(box);
        return result;
    }
    /* Two operands: one traced, or both traced by the same trace. */
    PyObject *a = args[0], *b = args[1];
    TraceObject *trace;
    PyObject *argnums, *node_a = NULL, *node_b = NULL;
    PyObject *values[2] = {a, b};
    if (IS_BOX(a)) {
        trace = running_trace(a);
        if (trace == NULL) {
            return call_general(self, args, nargs, kwnames);
        }
        values[0] = ((BoxObject *)a)->value;
        node_a = ((BoxObject *)a)->node;
        if (IS_BOX(b)) {
            if (running_trace(b) != trace) {
                return call_general(self, args, nargs, kwnames);
            }
            values[1] = ((BoxObject *)b)->value;
            node_b = ((BoxObject *)b)->node;
            argnums = both_argnums;
        }
        else {
            argnums = first_argnum;
        }
    }
    else {
        trace = running_trace(b);
        if (trace == NULL) {
            return call_general(self, args, nargs, kwnames);
        }
        values[1] = ((BoxObject *)b)->value;
        node_b = ((BoxObject *)b)->node;
        argnums = second_argnum;
    }
    int notrace = has_notrace((PyObject *)trace);
    if (notrace != 0) {
        return notrace < 0 ? NULL : call_general(self, args, nargs, kwnames);
    }
    PyObject *argvals = PyTuple_Pack(2, values[0], values[1]);
    PyObject *nodes = (node_a && node_b) ? PyTuple_Pack(2, node_a, node_b)
                                         : PyTuple_Pack(1, node_a ? node_a : node_b);
    if (argvals == NULL || nodes == NULL) {
        Py_XDECREF(argvals);
        Py_XDECREF(nodes);
        return NULL;
    }
    /* Values also boxed by an enclosing trace go through this primitive again, to be recorded there. */
    PyObject *inner = (IS_BOX(values[0]) || IS_BOX(values[1])) ? (PyObject *)self : self->fun;
    Py_INCREF(trace);
    PyObject *ans = call_with(inner, values, 2, args, nargs, kwnames);
    PyObject *kwargs = ans ? kwargs_dict(args + nargs, kwnames) : NULL;
    PyObject *result = NULL;
    if (kwargs == NULL) {
        Py_XDECREF(ans);
        Py_DECREF(argvals);
        Py_DECREF(nodes);
    }
    else {
        result = record(trace, (PyObject *)self, argvals, kwargs, ans, argnums, nodes);
    }
    Py_DECREF(trace);
    return result;
}

/* A call that raised conversion_error (a traced value turned into a plain one: a list of traced values
 * where an array-like goes) is handed with the error to retry_packed, which packs such lists and calls
 * again, or raises the error. Set by set_conversion_retry(). */
static PyObject *conversion_error;
static PyObject *retry_packed;

static PyObject *
retry_conversion(PrimitiveObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *error = PyErr_GetRaisedException();
#else
    PyObject *type, *error, *traceback;
    PyErr_Fetch(&type, &error, &traceback);
    PyErr_NormalizeException(&type, &error, &traceback);
    if (traceback != NULL) {
        PyException_SetTraceback(error, traceback);
    }
    Py_XDECREF(type);
    Py_XDECREF(traceback);
#endif
    PyObject *argtuple = PyTuple_New(nargs);
    PyObject *kwargs = argtuple ? kwargs_dict(args + nargs, kwnames) : NULL;
    PyObject *result = NULL;
    if (kwargs != NULL) {
        for (Py_ssize_t i = 0; i < nargs; i++) {
            Py_INCREF(args[i]);
            PyTuple_SET_ITEM(argtuple, i, args[i]);
        }
        result = PyObject_CallFunctionObjArgs(retry_packed, (PyObject *)self, argtuple, kwargs, error, NULL);
    }
    Py_XDECREF(argtuple);
    Py_XDECREF(kwargs);
    Py_DECREF(error);
    return result;
}

static PyObject *
Primitive_vectorcall(PrimitiveObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyObject *result = primitive_call(self, args, nargsf, kwnames);
    if (result == NULL && conversion_error != NULL && PyErr_ExceptionMatches(conversion_error)) {
        return retry_conversion(self, args, PyVectorcall_NARGS(nargsf), kwnames);
    }
    return result;
}

static PyObject *
set_conversion_retry(PyObject *module, PyObject *args)
{
    PyObject *error, *retry;
    if (!PyArg_ParseTuple(args, "O!O:set_conversion_retry", &PyType_Type, &error, &retry)) {
        return NULL;
    }
    Py_INCREF(error);
    Py_INCREF(retry);
    Py_XSETREF(conversion_error, error);
    Py_XSETREF(retry_packed, retry);
    Py_RETURN_NONE;
}

static PyObject *
Primitive_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *fun, *general;
    if (!PyArg_ParseTuple(args, "OO:Primitive", &fun, &general)) {
        return NULL;
    }
    PrimitiveObject *self = (PrimitiveObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    Py_INCREF(fun);
    Py_INCREF(general);
    self->fun = fun;
    self->general = general;
    self->vectorcall = (vectorcallfunc)Primitive_vectorcall;
    return (PyObject *)self;
}

static int
Primitive_traverse(PrimitiveObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->fun);
    Py_VISIT(self->general);
    Py_VISIT(self->dict);
    return 0;
}

static int
Primitive_clear(PrimitiveObject *self)
{
    Py_CLEAR(self->fun);
    Py_CLEAR(self->general);
    Py_CLEAR(self->dict);
    return 0;
}

static void
Primitive_dealloc(PrimitiveObject *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakrefs != NULL) {
        PyObject_ClearWeakRefs((PyObject *)self);
    }
    Primitive_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Bound like a function, so a primitive can be a method (``__add__ = add``). */
static PyObject *
Primitive_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL || obj == Py_None) {
        Py_INCREF(self);
        return self;
    }
    return PyMethod_New(self, obj);
}

static PyObject *
Primitive_repr(PrimitiveObject *self)
{
    PyObject *name = self->dict ? PyDict_GetItemString(self->dict, "__qualname__") : NULL;
    if (name == NULL) {
        return PyUnicode_FromFormat("<autograd primitive of %R>", self->fun);
    }
    return PyUnicode_FromFormat("<autograd primitive %S>", name);
}

/* Pickled by name, like a function. */
static PyObject *
Primitive_reduce(PrimitiveObject *self, PyObject *unused)
{
    PyObject *name = self->dict ? PyDict_GetItemString(self->dict, "__qualname__") : NULL;
    if (name == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot pickle an unnamed autograd primitive");
        return NULL;
    }
    Py_INCREF(name);
    return name;
}

static PyMethodDef Primitive_methods[] = {
    {"__reduce__", (PyCFunction)Primitive_reduce, METH_NOARGS, NULL},
    {NULL}
};

static PyGetSetDef Primitive_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict},
    {NULL}
};

static PyTypeObject Primitive_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "autograd.engine._speedups.Primitive",
    .tp_doc = "A function whose calls on boxed arguments are recorded by their trace.",
    .tp_basicsize = sizeof(PrimitiveObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL
                | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_new = Primitive_new,
    .tp_dealloc = (destructor)Primitive_dealloc,
    .tp_traverse = (traverseproc)Primitive_traverse,
    .tp_clear = (inquiry)Primitive_clear,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(PrimitiveObject, vectorcall),
    .tp_descr_get = Primitive_get,
    .tp_repr = (reprfunc)Primitive_repr,
    .tp_dictoffset = offsetof(PrimitiveObject, dict),
    .tp_weaklistoffset = offsetof(PrimitiveObject, weakrefs),
    .tp_methods = Primitive_methods,
    .tp_getset = Primitive_getset,
};

/* --------------------------------------------------------------------------------------- reverse pass */

/* prev + c as the reverse pass may compute it: into prev where the pass owns it (the accumulators), else
 * into c where only the pass holds c (a rule's fresh result), else as a new value. NULL on error. */
static PyObject *
sum_of(PyObject *prev, int prev_owned, PyObject *c)
{
    if (!prev_owned && Py_REFCNT(c) == 1 && multiplies_in_place != NULL && multiplies_in_place(c, prev)) {
        return PyNumber_InPlaceAdd(c, prev);
    }
    PyObject *owned_flag = prev_owned ? Py_True : Py_False;
    PyObject *fast = NULL;
    if (!PyObject_TypeCheck(c, (PyTypeObject *)sparse_type)
            && !PyObject_TypeCheck(prev, (PyTypeObject *)sparse_type)) {
        fast = PyDict_GetItemWithError(accumulators, (PyObject *)Py_TYPE(prev));
        if (fast == NULL && PyErr_Occurred()) {
            return NULL;
        }
    }
    return fast ? PyObject_Vectorcall(fast, (PyObject *[]){prev, c, owned_flag}, 3, NULL)
                : PyObject_Vectorcall(accumulate, (PyObject *[]){prev, owned_flag, c}, 3, NULL);
}

/* grads[parent] += c. Steals c. */
static int
add_to(PyObject **grads, char *owned, Py_ssize_t parent, PyObject *c)
{
    PyObject *prev = grads[parent];
    if (prev == NULL) {
        grads[parent] = c;
        return 0;
    }
    PyObject *sum = sum_of(prev, owned[parent], c);
    Py_DECREF(c);
    if (sum == NULL) {
        return -1;
    }
    Py_DECREF(prev);
    grads[parent] = sum;
    owned[parent] = 1;
    return 0;
}

static PyObject *
densified(PyObject *g)
{
    if (!PyObject_TypeCheck(g, (PyTypeObject *)sparse_type)) {
        return g;
    }
    PyObject *dense = PyObject_CallMethodNoArgs(g, str_densify);
    Py_DECREF(g);
    return dense;
}

/* The parents' gradients from node ``entry`` given its output's gradient ``g``. Returns 0 or -1. */
static int
pull_back(PyObject *entry, PyObject *g, PyObject **grads, char *owned, Py_ssize_t size)
{
    PyObject *fun = PyTuple_GET_ITEM(entry, 0), *args = PyTuple_GET_ITEM(entry, 1);
    PyObject *kwargs = PyTuple_GET_ITEM(entry, 2), *ans = PyTuple_GET_ITEM(entry, 3);
    PyObject *argnums = PyTuple_GET_ITEM(entry, 4), *parents = PyTuple_GET_ITEM(entry, 5);
    if (!is_sequence(args) || !PyDict_Check(kwargs) || !is_sequence(argnums) || !is_sequence(parents)) {
        PyErr_SetString(PyExc_TypeError, "malformed tape entry");
        return -1;
    }
    PyObject *contributions = NULL;
    PyObject *makers = PyDict_GetItemWithError(vjps_by_argnum, fun);
    if (makers == NULL && PyErr_Occurred()) {
        return -1;
    }
    if (makers != NULL && PyDict_Check(makers)) {  /* rules given per argument, as node_vjps applies them */
        Py_ssize_t count = seq_size(argnums);
        contributions = PyTuple_New(count);
        if (contributions == NULL) {
            return -1;
        }
        for (Py_ssize_t k = 0; k < count; k++) {
            PyObject *argnum = seq_item(argnums, k);
            PyObject *maker = PyDict_GetItemWithError(makers, argnum);
            PyObject *c = maker == NULL ? NULL
                          : maker == Py_None ? (Py_INCREF(Py_None), Py_None)
                          : call_rule(maker, g, ans, args, kwargs);
            if (c == NULL) {
                if (maker == NULL && !PyErr_Occurred()) {
                    raise_missing("reverse", fun, argnum);
                }
                Py_DECREF(contributions);
                return -1;
            }
            PyTuple_SET_ITEM(contributions, k, c);
        }
    }
    else {
        PyObject *callargs[6] = {fun, argnums, ans, args, kwargs, g};
        PyObject *result = PyObject_Vectorcall(node_vjps, callargs, 6, NULL);
        if (result == NULL) {
            return -1;
        }
        contributions = PySequence_Tuple(result);
        Py_DECREF(result);
        if (contributions == NULL) {
            return -1;
        }
    }
    Py_ssize_t n = Py_MIN(PyTuple_GET_SIZE(contributions), seq_size(parents));
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *c = PyTuple_GET_ITEM(contributions, k);
        if (c == Py_None) {
            continue;
        }
        Py_ssize_t parent = PyLong_AsSsize_t(seq_item(parents, k));
        if (parent == -1 && PyErr_Occurred()) {
            Py_DECREF(contributions);
            return -1;
        }
        if (parent < 0 || parent >= size) {
            PyErr_SetString(PyExc_IndexError, "tape entry refers to a later position");
            Py_DECREF(contributions);
            return -1;
        }
        /* Taken out of the tuple, so that a contribution no rule kept is held by this pass alone. */
        PyTuple_SET_ITEM(contributions, k, Py_None);
        Py_INCREF(Py_None);
        if (add_to(grads, owned, parent, c) < 0) {
            Py_DECREF(contributions);
            return -1;
        }
    }
    Py_DECREF(contributions);
    return 0;
}

static PyObject *
backward_pass(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"tape", "out", "g", "release", NULL};
    PyObject *tape, *g;
    Py_ssize_t out;
    int release = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!nO|p:backward_pass", kwlist, &PyList_Type, &tape, &out,
                                     &g, &release)) {
        return NULL;
    }
    if (vjps_by_argnum == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "backward_pass: the engine has not configured this module");
        return NULL;
    }
    if (out < 0 || out >= PyList_GET_SIZE(tape)) {
        PyErr_SetString(PyExc_IndexError, "backward_pass: output position outside the tape");
        return NULL;
    }
    Py_ssize_t size = out + 1;
    PyObject **grads = PyMem_Calloc(size, sizeof(PyObject *));
    char *owned = PyMem_Calloc(size, 1);
    PyObject *result = NULL;
    if (grads == NULL || owned == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_INCREF(g);
    grads[out] = g;
    for (Py_ssize_t i = out; i > 0; i--) {
        PyObject *gi = grads[i];
        if (gi == NULL) {
            continue;
        }
        grads[i] = NULL;
        if (i >= PyList_GET_SIZE(tape)) {
            Py_DECREF(gi);
            PyErr_SetString(PyExc_IndexError, "backward_pass: the tape shrank during the pass");
            goto done;
        }
        PyObject *entry = PyList_GET_ITEM(tape, i);
        Py_INCREF(entry);
        if (release) {
            Py_INCREF(Py_None);
            PyList_SetItem(tape, i, Py_None);
        }
        if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 6) {
            PyErr_SetString(PyExc_TypeError, "backward_pass: a tape entry is not a 6-tuple");
            Py_DECREF(entry);
            Py_DECREF(gi);
            goto done;
        }
        gi = densified(gi);
        int status = gi == NULL ? -1 : pull_back(entry, gi, grads, owned, size);
        Py_XDECREF(gi);
        Py_DECREF(entry);
        if (status < 0) {
            goto done;
        }
    }
    result = grads[0] ? densified(grads[0]) : (Py_INCREF(Py_None), Py_None);
    grads[0] = NULL;
done:
    if (grads != NULL) {
        for (Py_ssize_t i = 0; i < size; i++) {
            Py_XDECREF(grads[i]);
        }
        PyMem_Free(grads);
    }
    PyMem_Free(owned);
    return result;
}

/* ----------------------------------------------------------------------------------------------- passes */

/* A pass's state changes (the trace stack, the active flag, the pass scopes such as the array cache's
 * allocator) are made and undone here because C code runs no signal handler: a KeyboardInterrupt raised by
 * one lands before the pass is entered, inside the function (and then the pass is left as usual), or after
 * it was left, never halfway. */
static PyObject *thread_local;  /* tracing._local, whose ``stack`` lists this thread's running traces */
static PyObject *scopes;        /* tracing.pass_scopes: (enter, exit) pairs */
static PyObject *str_stack;

/* Leave the pass: undo what was entered, innermost first; an error raised before is kept over theirs. */
static void
leave_pass(PyObject *trace, PyObject *stack, PyObject *tokens)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    for (Py_ssize_t i = PyList_GET_SIZE(tokens) - 1; i >= 0; i--) {
        PyObject *pair = PyList_GET_ITEM(tokens, i);
        PyObject *ok = PyObject_CallOneArg(PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1));
        if (ok == NULL) {
            if (type == NULL) {
                PyErr_Fetch(&type, &value, &tb);
            }
            else {
                PyErr_WriteUnraisable(PyTuple_GET_ITEM(pair, 0));
            }
        }
        Py_XDECREF(ok);
    }
    if (stack != NULL) {
        for (Py_ssize_t i = PyList_GET_SIZE(stack) - 1; i >= 0; i--) {
            if (PyList_GET_ITEM(stack, i) == trace) {
                PyList_SetSlice(stack, i, i + 1, NULL);
                break;
            }
        }
        if (PyObject_TypeCheck(trace, &TraceBase_Type)) {
            ((TraceObject *)trace)->active = 0;
        }
    }
    PyErr_Restore(type, value, tb);
}

static PyObject *
this_threads_stack(void)
{
    PyObject *stack = PyObject_GetAttr(thread_local, str_stack);
    if (stack == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        stack = PyList_New(0);
        if (stack != NULL && PyObject_SetAttr(thread_local, str_stack, stack) < 0) {
            Py_CLEAR(stack);
        }
    }
    if (stack != NULL && !PyList_Check(stack)) {
        PyErr_SetString(PyExc_TypeError, "in_pass: the trace stack is not a list");
        Py_CLEAR(stack);
    }
    return stack;
}

static PyObject *
in_pass(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "in_pass(trace, fun, *args) takes a trace (or None) and a function");
        return NULL;
    }
    if (thread_local == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "in_pass: the engine has not configured this module");
        return NULL;
    }
    PyObject *trace = args[0] == Py_None ? NULL : args[0];
    PyObject *stack = NULL, *result = NULL;
    PyObject *tokens = PyList_New(0);
    if (tokens == NULL) {
        return NULL;
    }
    if (trace != NULL) {
        stack = this_threads_stack();
        if (stack == NULL || PyList_Append(stack, trace) < 0) {
            Py_XDECREF(stack);
            Py_DECREF(tokens);
            return NULL;
        }
    }
    PyObject *fast = PySequence_Fast(scopes, "pass_scopes must be a list");
    if (fast != NULL) {
        for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(fast); i++) {
            PyObject *scope = PySequence_Fast_GET_ITEM(fast, i);
            if (!PyTuple_Check(scope) || PyTuple_GET_SIZE(scope) != 2) {
                PyErr_SetString(PyExc_TypeError, "pass_scopes holds (enter, exit) pairs");
                break;
            }
            PyObject *token = PyObject_CallNoArgs(PyTuple_GET_ITEM(scope, 0));
            PyObject *pair = token == NULL ? NULL : PyTuple_Pack(2, PyTuple_GET_ITEM(scope, 1), token);
            Py_XDECREF(token);
            if (pair == NULL || PyList_Append(tokens, pair) < 0) {
                Py_XDECREF(pair);
                break;
            }
            Py_DECREF(pair);
        }
        if (!PyErr_Occurred()) {
            result = PyObject_Vectorcall(args[1], args + 2, nargs - 2, NULL);
        }
        Py_DECREF(fast);
    }
    leave_pass(trace, stack, tokens);
    Py_XDECREF(stack);
    Py_DECREF(tokens);
    if (result != NULL && PyErr_Occurred()) {
        Py_CLEAR(result);
    }
    return result;
}

static PyObject *
configure_passes(PyObject *module, PyObject *args)
{
    PyObject *local, *pass_scopes;
    if (!PyArg_ParseTuple(args, "OO!:configure_passes", &local, &PyList_Type, &pass_scopes)) {
        return NULL;
    }
    Py_INCREF(local);
    Py_XSETREF(thread_local, local);
    Py_INCREF(pass_scopes);
    Py_XSETREF(scopes, pass_scopes);
    Py_RETURN_NONE;
}

/* ---------------------------------------------------------------------------------------------- module */

static PyObject *
configure(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"box_makers", "box_type_of", "reverse_record", "vjps_by_argnum", "direct_vjp",
                             "sparse", "node_vjps", "missing_rule", "accumulate", "accumulators",
                             "forward_record", "jvps_by_argnum", "node_jvp", "add_tangents", "constant", NULL};
    PyObject *values[15];
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!OOO!O!O!OOOO!OO!OOO:configure", kwlist,
                                     &PyDict_Type, &values[0], &values[1], &values[2],
                                     &PyDict_Type, &values[3], &PyType_Type, &values[4],
                                     &PyType_Type, &values[5], &values[6], &values[7], &values[8],
                                     &PyDict_Type, &values[9], &values[10], &PyDict_Type, &values[11],
                                     &values[12], &values[13], &values[14])) {
        return NULL;
    }
    PyObject **slots[15] = {&box_makers, &box_type_of, &reverse_record, &vjps_by_argnum, &direct_vjp_type,
                            &sparse_type, &node_vjps, &missing_rule, &accumulate, &accumulators,
                            &forward_record, &jvps_by_argnum, &node_jvp, &add_tangents, &constant_trace};
    for (int i = 0; i < 15; i++) {
        Py_INCREF(values[i]);
        Py_XSETREF(*slots[i], values[i]);
    }
    Py_RETURN_NONE;
}

static PyObject *
set_in_place_test(PyObject *module, PyObject *capsule)
{
    void *test = PyCapsule_GetPointer(capsule, "autograd.multiplies_in_place");
    if (test == NULL) {
        return NULL;
    }
    multiplies_in_place = (int (*)(PyObject *, PyObject *))test;
    Py_RETURN_NONE;
}

static PyMethodDef module_methods[] = {
    {"configure", (PyCFunction)(void (*)(void))configure, METH_VARARGS | METH_KEYWORDS,
     "Give the module the Python objects of the engine that it works with."},
    {"set_conversion_retry", set_conversion_retry, METH_VARARGS,
     "set_conversion_retry(error_type, retry): primitive calls raising error_type are handed to "
     "retry(primitive, args, kwargs, error)."},
    {"backward_pass", (PyCFunction)(void (*)(void))backward_pass, METH_VARARGS | METH_KEYWORDS,
     "backward_pass(tape, out, g, release=False): the gradient at tape position 0 given cotangent g at "
     "position out; None if it got none."},
    {"in_pass", (PyCFunction)(void (*)(void))in_pass, METH_FASTCALL,
     "in_pass(trace, fun, *args): fun(*args) as a pass of trace (None: a pass with no trace of its own)."},
    {"set_in_place_test", set_in_place_test, METH_O,
     "set_in_place_test(capsule): the array layer's test for product rules multiplying in place."},
    {"configure_passes", configure_passes, METH_VARARGS,
     "configure_passes(local, pass_scopes): the thread-local trace stack's holder and the pass scopes."},
    {NULL}
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "autograd.engine._speedups",
    .m_doc = "The engine's hot paths in C; tracing.py and reverse.py hold the same logic in Python.",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    if (PyType_Ready(&BoxBase_Type) < 0 || PyType_Ready(&TraceBase_Type) < 0
            || PyType_Ready(&Primitive_Type) < 0 || PyType_Ready(&BoxIfKind_Type) < 0
            || PyType_Ready(&ProductRule_Type) < 0 || PyType_Ready(&SameRule_Type) < 0) {
        return NULL;
    }
    empty_dict = PyDict_New();
    first_argnum = Py_BuildValue("(i)", 0);
    second_argnum = Py_BuildValue("(i)", 1);
    both_argnums = Py_BuildValue("(ii)", 0, 1);
    str_notrace = PyUnicode_InternFromString("notrace");
    str_record = PyUnicode_InternFromString("record");
    str_vjp = PyUnicode_InternFromString("vjp");
    str_densify = PyUnicode_InternFromString("densify");
    str_check_thread = PyUnicode_InternFromString("check_thread");
    str_dtype = PyUnicode_InternFromString("dtype");
    str_kind = PyUnicode_InternFromString("kind");
    str_stack = PyUnicode_InternFromString("stack");
    if (!empty_dict || !first_argnum || !second_argnum || !both_argnums || !str_notrace || !str_record
            || !str_vjp || !str_densify || !str_check_thread || !str_dtype || !str_kind || !str_stack) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&module_def);
    if (module == NULL) {
        return NULL;
    }
    PyTypeObject *types[6] = {&BoxBase_Type, &TraceBase_Type, &Primitive_Type, &BoxIfKind_Type,
                              &ProductRule_Type, &SameRule_Type};
    const char *names[6] = {"BoxBase", "TraceBase", "Primitive", "BoxIfKind", "ProductRule", "SameRule"};
    for (int i = 0; i < 6; i++) {
        Py_INCREF(types[i]);
        if (PyModule_AddObject(module, names[i], (PyObject *)types[i]) < 0) {
            Py_DECREF(types[i]);
            Py_DECREF(module);
            return NULL;
        }
    }
    return module;
}
