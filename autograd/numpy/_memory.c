/* A caching allocator for NumPy array data (NumPy's PyDataMem_Handler), used while differentiating.
 *
 * A reverse pass keeps every intermediate array alive until the backward pass frees them, so each gradient
 * evaluation asks the system for its peak memory afresh, and the C library hands large blocks back to the
 * kernel as soon as they are free: every page is faulted in and zeroed again on the next evaluation. This
 * allocator keeps freed blocks of 16 KiB and more, by size class, up to a limit, and hands them out again;
 * when a pass ends it keeps only what that pass needed, so memory of sizes no longer used goes back to the
 * system. memory.py installs it (for the current thread or context only) during autograd's forward and backward
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
#define MIN_CACHED_LOG2 14  /* blocks of 16 KiB and more are cached */
#define MIN_CACHED ((size_t)1 << MIN_CACHED_LOG2)
#define MAX_CACHED ((size_t)1 << 60)
#define STEPS_LOG2 3  /* 8 size classes per doubling: a block is at most 1/8 larger than asked for */
#define NCLASSES (((60 - MIN_CACHED_LOG2) << STEPS_LOG2) + 1)
#define HUGE_PAGE (2 * 1024 * 1024)

/* Free blocks by size class, each a list linked through the blocks' first word. Sizes that differ by less
 * than a class step share blocks, so a workload whose array sizes drift still reuses them. */
static char *free_blocks[NCLASSES];
static size_t cached_bytes = 0;
static size_t limit = (size_t)1 << 30;
static size_t cached_count[NCLASSES];
/* By class: blocks handed out and not yet freed, and their most during this pass and the one before it.
 * The most live at once is what the same passes will ask for next time. */
static size_t live[NCLASSES], peak[NCLASSES], previous_peak[NCLASSES];
static int classes_used = 0;  /* one more than the largest class handed out, so passes scan no further */
static unsigned long long hits = 0, misses = 0;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static inline int
floor_log2(size_t n)
{
    return (int)(8 * sizeof(unsigned long long)) - 1 - __builtin_clzll((unsigned long long)n);
}

/* The class of a block for ``size`` bytes and, in *rounded, its size; -1 for sizes not cached. */
static int
class_of(size_t size, size_t *rounded)
{
    if (size < MIN_CACHED || size > MAX_CACHED) {
        *rounded = size;
        return -1;
    }
    int p = floor_log2(size);
    size_t step = (size_t)1 << (p - STEPS_LOG2);
    *rounded = (size + step - 1) & ~(step - 1);
    return ((p - MIN_CACHED_LOG2) << STEPS_LOG2) + (int)(*rounded >> (p - STEPS_LOG2)) - (1 << STEPS_LOG2);
}

static void
count_live(int cls)
{
    if (++live[cls] > peak[cls]) {
        peak[cls] = live[cls];
    }
    if (cls >= classes_used) {
        classes_used = cls + 1;
    }
}

/* A cached block of class ``cls``, or of one of the next two (at most a quarter larger), or NULL; counts
 * the hit or miss and the block as live. ``*size`` becomes the block's size. */
static char *
take_cached(int cls, size_t *size)
{
    char *data = NULL;
    int found = cls;
    pthread_mutex_lock(&lock);
    for (int c = cls; c <= cls + 2 && c < NCLASSES; c++) {
        if (free_blocks[c] != NULL) {
            data = free_blocks[c];
            free_blocks[c] = *(char **)data;
            *size = *(size_t *)(data - HEADER);
            cached_bytes -= *size;
            cached_count[c]--;
            found = c;
            break;
        }
    }
    if (data != NULL) {
        hits++;
    }
    else {
        misses++;
    }
    count_live(found);
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

/* Blocks this large come straight from the kernel and go straight back: kept in the C library's heap,
 * cached blocks would pin its free space around them, and the heap could not shrink when the cache does. */
#define MAPPED (128 * 1024)

static char *
system_alloc(size_t total, int zeroed)
{
#ifdef __linux__
    if (total >= MAPPED) {
        void *base = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return base == MAP_FAILED ? NULL : base;
    }
#endif
    return zeroed ? calloc(1, total) : malloc(total);
}

static void
system_free(char *base)
{
    size_t total = *(size_t *)base + HEADER;
#ifdef __linux__
    if (total >= MAPPED) {
        munmap(base, total);
        return;
    }
#endif
    free(base);
}

/* A block that failed to be allocated is no longer live. */
static void *
allocated(char *base, int cls, size_t size)
{
    if (base != NULL) {
        return with_header(base, size);
    }
    if (cls >= 0) {
        pthread_mutex_lock(&lock);
        live[cls]--;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static void *
cached_malloc(void *ctx, size_t size)
{
    size_t rounded;
    int cls = class_of(size, &rounded);
    if (cls >= 0) {
        char *data = take_cached(cls, &rounded);
        if (data != NULL) {
            return data;
        }
    }
    return allocated(system_alloc(rounded + HEADER, 0), cls, rounded);
}

static void *
cached_calloc(void *ctx, size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > MAX_CACHED / elsize) {
        return NULL;  /* beyond 2**60 bytes: no system has that memory */
    }
    size_t rounded;
    int cls = class_of(nelem * elsize, &rounded);
    if (cls >= 0) {
        char *data = take_cached(cls, &rounded);
        if (data != NULL) {
            return memset(data, 0, nelem * elsize);
        }
    }
    return allocated(system_alloc(rounded + HEADER, 1), cls, rounded);
}

static void cached_free(void *ctx, void *ptr, size_t size);

/* A new block and a copy: blocks may be mapped pages, which the C library's realloc cannot resize. */
static void *
cached_realloc(void *ctx, void *ptr, size_t new_size)
{
    if (ptr == NULL) {
        return cached_malloc(ctx, new_size);
    }
    size_t old = *(size_t *)((char *)ptr - HEADER);
    void *data = cached_malloc(ctx, new_size);
    if (data != NULL) {
        memcpy(data, ptr, old < new_size ? old : new_size);
        cached_free(ctx, ptr, old);
    }
    return data;
}

static void
cached_free(void *ctx, void *ptr, size_t size)
{
    if (ptr == NULL) {
        return;
    }
    char *base = (char *)ptr - HEADER;
    size_t rounded;
    int cls = class_of(*(size_t *)base, &rounded);
    if (cls >= 0) {
        pthread_mutex_lock(&lock);
        live[cls]--;
        int keep = cached_bytes + rounded <= limit;
        if (keep) {
            *(char **)ptr = free_blocks[cls];
            free_blocks[cls] = ptr;
            cached_bytes += rounded;
            cached_count[cls]++;
        }
        pthread_mutex_unlock(&lock);
        if (keep) {
            return;
        }
    }
    system_free(base);
}

/* Give back cached blocks of class ``cls`` until at most ``keep`` stay. Called with the lock. */
static void
trim_class(int cls, size_t keep)
{
    while (cached_count[cls] > keep) {
        char *data = free_blocks[cls];
        free_blocks[cls] = *(char **)data;
        cached_bytes -= *(size_t *)(data - HEADER);
        cached_count[cls]--;
        system_free(data - HEADER);
    }
}

static void lock_for_fork(void) { pthread_mutex_lock(&lock); }
static void unlock_after_fork(void) { pthread_mutex_unlock(&lock); }

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
    /* The pass is over. Of each class keep as many blocks as this pass or the one before it (a forward
     * pass and its backward pass take turns) had live at once, less those still live, which come back
     * when freed: what the same passes need next time. Blocks of other sizes would only hold memory. */
    pthread_mutex_lock(&lock);
    for (int cls = 0; cls < classes_used; cls++) {
        size_t most = peak[cls] > previous_peak[cls] ? peak[cls] : previous_peak[cls];
        trim_class(cls, most > live[cls] ? most - live[cls] : 0);
        previous_peak[cls] = peak[cls];
        peak[cls] = live[cls];
    }
    pthread_mutex_unlock(&lock);
    Py_RETURN_NONE;
}

static PyObject *
release(PyObject *module, PyObject *unused)
{
    pthread_mutex_lock(&lock);
    for (int cls = 0; cls < classes_used; cls++) {
        trim_class(cls, 0);
    }
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
stats(PyObject *module, PyObject *unused)
{
    pthread_mutex_lock(&lock);
    unsigned long long h = hits, m = misses;
    size_t bytes = cached_bytes, most = limit;
    pthread_mutex_unlock(&lock);
    return Py_BuildValue("{sKsKsnsn}", "hits", h, "misses", m, "cached_bytes", (Py_ssize_t)bytes, "limit",
                         (Py_ssize_t)most);
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
    {"stats", stats, METH_NOARGS, "hits, misses (allocations of cached sizes served or not), cached_bytes, limit."},
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
    if (pthread_atfork(lock_for_fork, unlock_after_fork, unlock_after_fork) != 0) {
        PyErr_SetString(PyExc_OSError, "the array cache could not register its fork handler");
        return NULL;
    }
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
