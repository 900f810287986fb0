// Internal: a child process spoken to by lines over pipes, with deadlines and no zombies.
#ifndef TESSEL_COST_LIB_CHILDPROCESS_H
#define TESSEL_COST_LIB_CHILDPROCESS_H

#include <chrono>
#include <memory>
#include <string>
#include <sys/types.h>

namespace tessel::cost {

/// A running program whose stdin, stdout and stderr this object holds. It runs in its own
/// process group; the destructor closes its stdin, gives it a moment to exit, then kills the
/// group and reaps the child, so no zombie is left behind.
class ChildProcess {
public:
  using Clock = std::chrono::steady_clock;

  /// Starts `command`: run directly (split at spaces) when it has no shell syntax, else with
  /// /bin/sh -c. Returns nullptr and sets `error` when it cannot be started.
  static std::unique_ptr<ChildProcess> spawn(const std::string &command, std::string &error);

  ChildProcess(const ChildProcess &) = delete;
  ChildProcess &operator=(const ChildProcess &) = delete;
  ~ChildProcess();

  /// Writes `request` to the child's stdin and reads one line (without the newline) from its
  /// stdout into `line`, all before `deadline`. Returns an empty string on success, otherwise
  /// what went wrong: the child exited (with its status), closed its output, or did not answer
  /// in time (the child is then killed and reaped). Lines longer than `maxLine` bytes fail.
  std::string exchange(const std::string &request, Clock::time_point deadline, std::string &line,
                       size_t maxLine = size_t(64) << 20);

  /// The last bytes the child wrote to stderr (at most 2 KiB).
  const std::string &stderrTail() const { return errTail; }

  pid_t pid() const { return child; }
  /// True once the child was reaped.
  bool exited() const { return reaped; }

private:
  ChildProcess() = default;
  /// Reads what is available from stdout/stderr; returns false at end of stdout.
  bool drain(int fd);
  /// Waits until `deadline` for the child to exit; kills its group when it has not.
  /// Returns its fate: "exited with status N" or "was killed by signal S".
  std::string reap(Clock::time_point deadline);

  pid_t child = -1;
  bool reaped = false;
  int status = 0;
  int in = -1, out = -1, err = -1;
  std::string outBuffer, errTail;
};

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_CHILDPROCESS_H
