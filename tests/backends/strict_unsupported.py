"""Strict-array runs of the NumPy table tests and the SciPy rules' tests that cannot pass, by test id
(file::name[params]), with why."""
import numpy

_TEST_CONSTANT = ("the test itself mixes a NumPy array into the computation (built inside the function, or "
                  "passed as an index-free operand), which CuPy code would build with CuPy")
_CREATION = ("NumPy's array-creation functions (ascontiguousarray, asfortranarray, asarray_chkfinite, require) "
             "dispatch on like= only, so they convert the argument to a NumPy array, which CuPy refuses")
_NUMPY_PROTOTYPE = "the test fills a NumPy prototype array (full_like of a NumPy array) with a CuPy-like value"
_BLOCK = ("numpy.block and numpy.broadcast_arrays of the test's NumPy constants with the values: the rules "
          "do not move those constants to the values' library")
_ROOTS = ("poly of complex roots checks on the host whether they come in conjugate pairs (NumPy's rule for a "
          "real result), which needs the data")
_POLY1D = "numpy.poly1d holds NumPy coefficients only"
_HOST_SCALAR = ("the test gives parameters as Python or NumPy numbers, which the density reshapes into NumPy "
                "arrays before they meet the CuPy-like values; CuPy code would pass CuPy arrays")


def _ids(test, params, reason):
    return {'{}[strict{}]'.format(test, '-' + p if p else ''): reason for p in params}


UNSUPPORTED = {}
UNSUPPORTED.update(_ids('test_assignment.py::test_assign_traced_value_into_created_array',
                        ['fancy_repeated', 'int', 'mask', 'slice', 'step', 'tuple'], _TEST_CONSTANT))
for _test in ['test_block_assignment_matches_assignment_free_code', 'test_filling_a_result_vector_in_a_loop_matches_stack',
              'test_realistic_loops_at_third_order_in_every_mode_mix']:
    UNSUPPORTED.update(_ids('test_assignment.py::' + _test, [''], _TEST_CONSTANT))
UNSUPPORTED.update(_ids('test_constructors.py::test_full_like_complex_fill', [''], _NUMPY_PROTOTYPE))
UNSUPPORTED.update(_ids('test_constructors.py::test_copies',
                        ['{}-{}'.format(name, shape) for name in ['asarray_chkfinite', 'ascontiguousarray',
                                                                   'asfortranarray', 'require']
                         for shape in ['0d', '1d', '2d']], _CREATION))
UNSUPPORTED.update(_ids('test_constructors.py::test_dtype_changes', [''], _CREATION))
UNSUPPORTED.update(_ids('test_differences.py::test_interp_mixed_second_derivative_and_lists', [''], _TEST_CONSTANT))
UNSUPPORTED.update(_ids('test_elementwise.py::test_ldexp_is_linear_in_x', ['shapes{}'.format(i) for i in range(5)],
                        _TEST_CONSTANT))
for _test in ['test_apply_along_axis_traced_through_closures_and_arguments',
              'test_apply_over_axes_closures_and_bad_functions', 'test_piecewise_row_conditions_closures_and_arguments',
              'test_fromfunction_traces_closures_and_keyword_arguments']:
    UNSUPPORTED.update(_ids('test_functional.py::' + _test, [''], _TEST_CONSTANT))
UNSUPPORTED.update(_ids('test_polynomials.py::test_polyval_mixed_and_constant_arguments', [''], _TEST_CONSTANT))
UNSUPPORTED.update(_ids('test_polynomials.py::test_poly', ['complex-zeros', 'complex-matrix'], _ROOTS))
if numpy.linalg.eigvals(numpy.eye(1)).dtype.kind == 'c':  # NumPy 2.5: eigenvalues are complex, even real ones
    UNSUPPORTED.update(_ids('test_polynomials.py::test_poly', ['matrix'], _ROOTS))
UNSUPPORTED.update(_ids('test_polynomials.py::test_poly_of_conjugate_pairs_is_real_as_in_numpy', [''], _ROOTS))
UNSUPPORTED.update(_ids('test_polynomials.py::test_traced_with_poly1d_gives_coefficient_arrays', [''], _POLY1D))
UNSUPPORTED.update(_ids('test_shape.py::test_unary', ['block_1d-0d', 'block_1d-4', 'block_1d-3x4', 'block_2d-4',
                                                      'block_2d-3x4', 'block_2d-2x3x4'], _BLOCK))
UNSUPPORTED.update(_ids('test_shape.py::test_unary', ['insert_constant-4', 'insert_constant-3x4'], _TEST_CONSTANT))
UNSUPPORTED.update(_ids('test_shape.py::test_unary_complex', ['block_2d'], _BLOCK))
UNSUPPORTED.update(_ids('test_shape.py::test_nary', ['broadcast_arrays_unpacked-0d-4',
                                                     'broadcast_arrays_unpacked-3x4-4'], _BLOCK))
UNSUPPORTED.update(_ids('test_linalg_rules.py::test_rule', ['solve_continuous_are', 'solve_continuous_are-complex',
                                                             'solve_discrete_are'], _TEST_CONSTANT))
UNSUPPORTED.update(_ids('test_stats_multivariate.py::test_multivariate_normal_one_dimensional_and_defaults', [''],
                        _HOST_SCALAR))
UNSUPPORTED.update(_ids('test_stats_multivariate.py::test_wisharts', ['1-0-wishart', '1-0-invwishart'], _HOST_SCALAR))
UNSUPPORTED.update(_ids('test_stats_multivariate.py::test_matrix_normal', ['(2, 3)-scalar'], _HOST_SCALAR))
for _test in ['test_multivariate_t_entropy_and_refusals', 'test_multinomial']:
    UNSUPPORTED.update(_ids('test_stats_multivariate.py::' + _test, [''], _TEST_CONSTANT))
