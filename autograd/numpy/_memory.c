/* A caching allocator for NumPy array data (NumPy's PyDataMem_Handler), used while differentiating.
 *
 * A reverse pass keeps every intermediate array alive until the backward pass frees them, so each gradient
 * evaluation asks the system for its peak memory afresh, and the C library hands large blocks back to the
 * kernel as soon as they are free: every page is faulted in and zeroed again on the next evaluation. This
 * allocator keeps freed blocks of 16 KiB and more, by size, up to a limit, and hands them out again.
 * memory.py installs it (for the current thread or context only) during autograd's forward and backward
 * passes; an array made then returns its block here whenever it is freed. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#define NPY_NO_DEPRECATED_API NPY_1_22_API_VERSION
#define NPY_TARGET_VERSION NPY_1_22_API_VERSION  /* runs on any NumPy with data-memory handlers */
#include <numpy/arrayobject.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

/* Each block starts with a header holding its size class, which keeps the user's data 16-byte aligned. */
#define HEADER 16
#define MIN_CACHED (16 * 1024)
#define PAGE 4096
#define HUGE_PAGE (2 * 1024 * 1024)
#define NBUCKETS 512

typedef struct {
    size_t size;  /* 0: an unused slot */
    char *head;   /* a list of free blocks (their data pointers) linked through their first word */
} Bucket;

static Bucket buckets[NBUCKETS];
static size_t cached_bytes = 0;
static size_t limit = (size_t)1 << 30;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static size_t
size_class(size_t size)
{
    return size < MIN_CACHED ? size : (size + PAGE - 1) & ~(size_t)(PAGE - 1);
}

/* The bucket for ``size``, made if ``create``; NULL if there is none (or no room for another). */
static Bucket *
bucket_for(size_t size, int create)
{
    size_t start = (size / PAGE) % NBUCKETS;
    for (size_t i = 0; i < NBUCKETS; i++) {
        Bucket *bucket = &buckets[(start + i) % NBUCKETS];
        if (bucket->size == size) {
            return bucket;
        }
        if (bucket->size == 0) {
            if (!create) {
                return NULL;
            }
            bucket->size = size;
            return bucket;
        }
    }
    return NULL;
}

static char *
take_cached(size_t size)
{
    char *data = NULL;
    pthread_mutex_lock(&lock);
    Bucket *bucket = bucket_for(size, 0);
    if (bucket != NULL && bucket->head != NULL) {
        data = bucket->head;
        bucket->head = *(char **)data;
        cached_bytes -= size;
    }
    pthread_mutex_unlock(&lock);
    return data;
}

static char *
with_header(char *base, size_t size)
{
    *(size_t *)base = size;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    /* As NumPy's own allocator does: fewer page faults for large arrays. */
    if (size >= 2 * HUGE_PAGE) {
        uintptr_t start = ((uintptr_t)base + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
        uintptr_t end = ((uintptr_t)base + HEADER + size) & ~(uintptr_t)(HUGE_PAGE - 1);
        if (end > start) {
            madvise((void *)start, end - start, MADV_HUGEPAGE);
        }
    }
#endif
    return base + HEADER;
}

static void *
cached_malloc(void *ctx, size_t size)
{
    size_t cls = size_class(size);
    if (cls >= MIN_CACHED) {
        char *data = take_cached(cls);
        if (data != NULL) {
            return data;
        }
    }
    char *base = malloc(cls + HEADER);
    return base == NULL ? NULL : with_header(base, cls);
}

static void *
cached_calloc(void *ctx, size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > ((size_t)-1 - HEADER - PAGE) / elsize) {
        return NULL;
    }
    size_t cls = size_class(nelem * elsize);
    if (cls >= MIN_CACHED) {
        char *data = take_cached(cls);
        if (data != NULL) {
            return memset(data, 0, cls);
        }
    }
    char *base = calloc(1, cls + HEADER);
    return base == NULL ? NULL : with_header(base, cls);
}

static void *
cached_realloc(void *ctx, void *ptr, size_t new_size)
{
    if (ptr == NULL) {
        return cached_malloc(ctx, new_size);
    }
    size_t cls = size_class(new_size);
    char *base = realloc((char *)ptr - HEADER, cls + HEADER);
    return base == NULL ? NULL : with_header(base, cls);
}

static void
cached_free(void *ctx, void *ptr, size_t size)
{
    if (ptr == NULL) {
        return;
    }
    char *base = (char *)ptr - HEADER;
    size_t cls = *(size_t *)base;
    if (cls >= MIN_CACHED) {
        pthread_mutex_lock(&lock);
        Bucket *bucket = cached_bytes + cls <= limit ? bucket_for(cls, 1) : NULL;
        if (bucket != NULL) {
            *(char **)ptr = bucket->head;
            bucket->head = ptr;
            cached_bytes += cls;
        }
        pthread_mutex_unlock(&lock);
        if (bucket != NULL) {
            return;
        }
    }
    free(base);
}

static PyDataMem_Handler handler = {
    "autograd_caching_allocator",
    1,
    {NULL, cached_malloc, cached_calloc, cached_realloc, cached_free},
};

static PyObject *handler_capsule;

/* Returns the handler to restore afterwards, or None when the cache is in use already (a pass inside
 * another one), which saves setting the context variable twice. */
static PyObject *
use(PyObject *module, PyObject *unused)
{
    PyObject *current = PyDataMem_GetHandler();
    if (current == NULL) {
        return NULL;
    }
    if (current == handler_capsule) {
        Py_DECREF(current);
        Py_RETURN_NONE;
    }
    Py_DECREF(current);
    return PyDataMem_SetHandler(handler_capsule);
}

static PyObject *
restore(PyObject *module, PyObject *previous)
{
    if (previous == Py_None) {
        Py_RETURN_NONE;
    }
    PyObject *ours = PyDataMem_SetHandler(previous);
    if (ours == NULL) {
        return NULL;
    }
    Py_DECREF(ours);
    Py_RETURN_NONE;
}

static PyObject *
release(PyObject *module, PyObject *unused)
{
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < NBUCKETS; i++) {
        char *data = buckets[i].head;
        while (data != NULL) {
            char *next = *(char **)data;
            free(data - HEADER);
            data = next;
        }
        buckets[i].head = NULL;
        buckets[i].size = 0;
    }
    cached_bytes = 0;
    pthread_mutex_unlock(&lock);
    Py_RETURN_NONE;
}

static PyObject *
get_cached_bytes(PyObject *module, PyObject *unused)
{
    pthread_mutex_lock(&lock);
    size_t bytes = cached_bytes;
    pthread_mutex_unlock(&lock);
    return PyLong_FromSize_t(bytes);
}

static PyObject *
get_limit(PyObject *module, PyObject *unused)
{
    return PyLong_FromSize_t(limit);
}

static PyObject *
set_limit(PyObject *module, PyObject *value)
{
    size_t bytes = PyLong_AsSize_t(value);
    if (bytes == (size_t)-1 && PyErr_Occurred()) {
        return NULL;
    }
    pthread_mutex_lock(&lock);
    limit = bytes;
    pthread_mutex_unlock(&lock);
    Py_RETURN_NONE;
}

/* ``d * g`` equals ``d *= g`` and may reuse d's memory when d is a plain array that owns its data (the
 * caller checks that it holds the only reference) and g broadcasts into it without changing its dtype:
 * an array of d's dtype, or a Python float (which NumPy promotes weakly) for a floating d. This is the
 * reuse NumPy makes itself for temporaries in Python expressions. */
static int
multiplies_in_place(PyObject *d, PyObject *g)
{
    if (!PyArray_CheckExact(d) || PyArray_BASE((PyArrayObject *)d) != NULL
            || !PyArray_CHKFLAGS((PyArrayObject *)d, NPY_ARRAY_OWNDATA | NPY_ARRAY_WRITEABLE)) {
        return 0;
    }
    PyArrayObject *a = (PyArrayObject *)d;
    if (PyFloat_CheckExact(g)) {
        return PyArray_ISFLOAT(a) || PyArray_ISCOMPLEX(a);
    }
    if (!PyArray_CheckExact(g)) {
        return 0;
    }
    PyArrayObject *b = (PyArrayObject *)g;
    int nd = PyArray_NDIM(a), gd = PyArray_NDIM(b);
    if (gd > nd || PyArray_DESCR(a)->type_num != PyArray_DESCR(b)->type_num
            || !PyArray_ISNBO(PyArray_DESCR(a)->byteorder) || !PyArray_ISNBO(PyArray_DESCR(b)->byteorder)) {
        return 0;
    }
    for (int i = 1; i <= gd; i++) {
        npy_intp n = PyArray_DIM(b, gd - i);
        if (n != 1 && n != PyArray_DIM(a, nd - i)) {
            return 0;
        }
    }
    return 1;
}

static PyMethodDef methods[] = {
    {"use", use, METH_NOARGS, "Allocate new arrays from the cache in this context; returns what restore() takes."},
    {"restore", restore, METH_O, "Go back to the handler that use() returned."},
    {"release", release, METH_NOARGS, "Give every cached block back to the system."},
    {"cached_bytes", get_cached_bytes, METH_NOARGS, "Bytes held in the cache now."},
    {"get_limit", get_limit, METH_NOARGS, "The most bytes the cache holds."},
    {"set_limit", set_limit, METH_O, "Set the most bytes the cache holds (0 turns caching off)."},
    {NULL}
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "autograd.numpy._memory",
    .m_doc = "A caching allocator for NumPy array data, used while differentiating (see memory.py).",
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC
PyInit__memory(void)
{
    import_array();
    handler_capsule = PyCapsule_New(&handler, "mem_handler", NULL);
    if (handler_capsule == NULL) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&module_def);
    if (module == NULL) {
        return NULL;
    }
    PyObject *test = PyCapsule_New((void *)multiplies_in_place, "autograd.multiplies_in_place", NULL);
    if (test == NULL || PyModule_AddObject(module, "multiplies_in_place", test) < 0) {
        Py_XDECREF(test);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
