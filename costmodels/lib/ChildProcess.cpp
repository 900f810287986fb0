// A child process spoken to by lines: posix_spawn, non-blocking pipes under poll, deadlines.
#include "ChildProcess.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace tessel::cost {

namespace {

constexpr size_t kTailBytes = 2048;

bool needsShell(const std::string &command) {
  return command.find_first_of("|&;<>()$`\\\"'*?[]#~={}%\n\t") != std::string::npos;
}

std::vector<std::string> arguments(const std::string &command) {
  if (needsShell(command))
    return {"/bin/sh", "-c", command};
  std::vector<std::string> args;
  size_t pos = 0;
  while ((pos = command.find_first_not_of(' ', pos)) != std::string::npos) {
    size_t end = command.find(' ', pos);
    args.push_back(command.substr(pos, end - pos));
    pos = end;
  }
  return args;
}

void closeFd(int &fd) {
  if (fd >= 0)
    close(fd);
  fd = -1;
}

int millisecondsUntil(ChildProcess::Clock::time_point deadline) {
  auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - ChildProcess::Clock::now());
  return left.count() <= 0 ? 0 : static_cast<int>(std::min<int64_t>(left.count(), 1 << 30));
}

std::string describeStatus(int status) {
  if (WIFEXITED(status))
    return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status))
    return "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
           strsignal(WTERMSIG(status)) + ")";
  return "stopped";
}

} // namespace

std::unique_ptr<ChildProcess> ChildProcess::spawn(const std::string &command,
                                                  std::string &error) {
  std::vector<std::string> args = arguments(command);
  if (args.empty()) {
    error = "the command is empty";
    return nullptr;
  }
  // stdin is a socket so that writing to a child that has gone away fails with EPIPE
  // (send with MSG_NOSIGNAL) instead of raising SIGPIPE in the host process.
  int inPair[2], outPipe[2], errPipe[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, inPair) != 0) {
    error = std::string("cannot create a socket: ") + std::strerror(errno);
    return nullptr;
  }
  if (pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0) {
    error = std::string("cannot create a pipe: ") + std::strerror(errno);
    close(inPair[0]), close(inPair[1]);
    return nullptr;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, inPair[1], 0);
  posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
  // Its own process group (so a timeout kills everything it started), default signal handling
  // and an empty signal mask whatever the host uses.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                      POSIX_SPAWN_SETSIGDEF);
  std::vector<char *> argv;
  for (std::string &arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  close(inPair[1]), close(outPipe[1]), close(errPipe[1]);
  if (rc != 0) {
    close(inPair[0]), close(outPipe[0]), close(errPipe[0]);
    error = "cannot run '" + args[0] + "': " + std::strerror(rc);
    return nullptr;
  }
  std::unique_ptr<ChildProcess> process(new ChildProcess());
  process->child = pid;
  process->in = inPair[0];
  process->out = outPipe[0];
  process->err = errPipe[0];
  for (int fd : {process->in, process->out, process->err})
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return process;
}

ChildProcess::~ChildProcess() {
  // End of input asks a well-behaved program to exit; give it a moment, then kill the group.
  closeFd(in);
  reap(Clock::now() + std::chrono::seconds(1));
  closeFd(out);
  closeFd(err);
}

bool ChildProcess::drain(int fd) {
  char buffer[65536];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      if (fd == out) {
        outBuffer.append(buffer, static_cast<size_t>(n));
      } else {
        errTail.append(buffer, static_cast<size_t>(n));
        if (errTail.size() > kTailBytes)
          errTail.erase(0, errTail.size() - kTailBytes);
      }
      continue;
    }
    if (n < 0 && errno == EINTR)
      continue;
    // 0 is the end of the stream; EAGAIN means nothing more for now; other errors end it.
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

std::string ChildProcess::reap(Clock::time_point deadline) {
  if (!reaped && child > 0) {
    // Wait for the exit without reaping, so the group id cannot be reused before the kill.
    siginfo_t info;
    for (;;) {
      info.si_pid = 0;
      if (waitid(P_PID, child, &info, WEXITED | WNOHANG | WNOWAIT) != 0 && errno != EINTR)
        break; // ECHILD: the host reaps children itself; nothing is left to wait for.
      if (info.si_pid == child || Clock::now() >= deadline)
        break;
      poll(nullptr, 0, std::min(5, millisecondsUntil(deadline)));
    }
    kill(-child, SIGKILL);
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    reaped = true;
  }
  closeFd(in);
  return describeStatus(status);
}

std::string ChildProcess::exchange(const std::string &request, Clock::time_point deadline,
                                   std::string &line, size_t maxLine) {
  if (reaped)
    return "is no longer running";
  size_t written = 0;
  for (;;) {
    size_t newline = outBuffer.find('\n');
    if (newline != std::string::npos && written == request.size()) {
      line = outBuffer.substr(0, newline);
      outBuffer.erase(0, newline + 1);
      return "";
    }
    if (outBuffer.size() > maxLine) {
      reap(Clock::now());
      return "answered a line longer than " + std::to_string(maxLine) + " bytes";
    }
    if (out < 0)
      return reap(deadline) + " before answering";
    if (Clock::now() >= deadline) {
      reap(Clock::now());
      return "did not answer in time";
    }
    pollfd fds[3];
    nfds_t count = 0;
    bool writing = written < request.size() && in >= 0;
    if (writing)
      fds[count++] = {in, POLLOUT, 0};
    fds[count++] = {out, POLLIN, 0};
    if (err >= 0)
      fds[count++] = {err, POLLIN, 0};
    if (poll(fds, count, millisecondsUntil(deadline)) < 0 && errno != EINTR)
      return reap(Clock::now()) + std::string(" (poll failed: ") + std::strerror(errno) + ")";
    for (nfds_t i = 0; i < count; ++i) {
      if (!fds[i].revents)
        continue;
      if (fds[i].fd == in) {
        ssize_t n = send(in, request.data() + written, request.size() - written,
                         MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
          written += static_cast<size_t>(n);
        else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
          return reap(deadline) + " without reading its input";
      } else if (!drain(fds[i].fd)) {
        closeFd(fds[i].fd == out ? out : err);
      }
    }
  }
}

} // namespace tessel::cost
