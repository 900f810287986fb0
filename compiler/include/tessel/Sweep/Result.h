// Errors as values for the sweep library: Result<T, E> and located command-line argument errors.
#ifndef TESSEL_SWEEP_RESULT_H
#define TESSEL_SWEEP_RESULT_H

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace tessel::sweep {

/// The value of a Result that only reports success.
struct Ok {};

/// A value or an error (no exceptions cross the sweep library's API).
template <typename T, typename E = std::string> class Result {
public:
  Result(T value) : v(std::in_place_index<0>, std::move(value)) {}
  Result(E error) : v(std::in_place_index<1>, std::move(error)) {}
  explicit operator bool() const { return v.index() == 0; }
  T &operator*() { return std::get<0>(v); }
  const T &operator*() const { return std::get<0>(v); }
  T *operator->() { return &std::get<0>(v); }
  const T *operator->() const { return &std::get<0>(v); }
  const E &error() const { return std::get<1>(v); }

private:
  std::variant<T, E> v;
};

/// A problem in one command-line argument, e.g. `--constraint "area<=4mm3"`.
struct ArgError {
  std::string option;  ///< the option without dashes, e.g. "constraint" (may be empty)
  std::string arg;     ///< the argument text
  size_t column = 0;   ///< 1-based column within `arg`; 0 = the whole argument
  std::string message; ///< e.g. "unknown unit 'mm3'"
  std::string hint;    ///< e.g. "did you mean 'mm2'?" (may be empty)
};

/// Renders an ArgError like a compiler diagnostic:
///   tessel: error: --constraint 'area<=4mm3': column 8: unknown unit 'mm3'
///     area<=4mm3
///            ^
///   hint: did you mean 'mm2'?
std::string formatArgError(const ArgError &error);

/// An ArgError for `arg` of `option` at `column`.
inline ArgError argError(std::string option, std::string arg, size_t column, std::string message,
                         std::string hint = {}) {
  return ArgError{std::move(option), std::move(arg), column, std::move(message), std::move(hint)};
}

/// An error about the command line as a whole (no argument to point into).
inline ArgError plainError(std::string message, std::string hint = {}) {
  return ArgError{"", "", 0, std::move(message), std::move(hint)};
}

} // namespace tessel::sweep

#endif // TESSEL_SWEEP_RESULT_H
