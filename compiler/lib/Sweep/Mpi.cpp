// The MPI mode of a sweep: rank 0's coordinator (a RunOptions::remote hook) and the loop of
// the other ranks. Only the thread that called Session::start talks to MPI.
//
// Protocol (tags below): a worker rank sends kHello once with its thread count T, then one
// kResult per evaluated point (the point index, then the record's JSON line), or kFatal (the
// index, then Record::fatal) for a point whose failure stops the sweep. Rank 0 answers each of
// the T credits of a kHello and every kResult or kFatal with kWork (a point index) or kStop,
// so a worker holds at most T points; it is done when it has received T kStop.
#include "tessel/Sweep/Mpi.h"

#include <mpi.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace tessel::sweep::mpi {

namespace {

enum Tag : int { kHello = 1, kResult = 2, kFatal = 3, kWork = 4, kStop = 5 };

/// How long an idle rank waits before it polls MPI again.
constexpr auto kPollInterval = std::chrono::microseconds(500);

std::string mpiError(const char *call, int code) {
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(code, text, &length);
  return std::string(call) + " failed: " + std::string(text, length);
}

/// 8 bytes, little-endian (ranks may run on different machines).
std::string encode(uint64_t v) {
  std::string bytes(8, '\0');
  for (int i = 0; i < 8; ++i)
    bytes[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  return bytes;
}

std::optional<uint64_t> decode(const std::string &bytes) {
  if (bytes.size() < 8)
    return std::nullopt;
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i)
    v |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
  return v;
}

Result<Ok> send(int dest, int tag, const std::string &bytes) {
  int rc =
      MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, dest, tag, MPI_COMM_WORLD);
  if (rc != MPI_SUCCESS)
    return mpiError("MPI_Send", rc);
  return Ok{};
}

/// A message from `source` (or any rank) if one is waiting: (source, tag, bytes).
struct Message {
  int source = 0, tag = 0;
  std::string bytes;
};
Result<std::optional<Message>> poll(int source) {
  int flag = 0;
  MPI_Status status;
  if (int rc = MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status); rc != MPI_SUCCESS)
    return mpiError("MPI_Iprobe", rc);
  if (!flag)
    return std::optional<Message>();
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  Message m{status.MPI_SOURCE, status.MPI_TAG, std::string(count, '\0')};
  if (int rc = MPI_Recv(m.bytes.data(), count, MPI_BYTE, m.source, m.tag, MPI_COMM_WORLD,
                        MPI_STATUS_IGNORE);
      rc != MPI_SUCCESS)
    return mpiError("MPI_Recv", rc);
  return std::optional<Message>(std::move(m));
}

} // namespace

Result<std::unique_ptr<Session>> Session::start() {
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (initialized)
    return std::string("MPI is already initialised");
  int provided = 0;
  if (int rc = MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided); rc != MPI_SUCCESS)
    return mpiError("MPI_Init_thread", rc);
  if (provided < MPI_THREAD_FUNNELED) {
    MPI_Finalize();
    return std::string("the MPI library does not support threads (MPI_THREAD_FUNNELED)");
  }
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return std::unique_ptr<Session>(new Session(rank, size));
}

Session::~Session() { MPI_Finalize(); }

bool Session::agree(bool ok, bool *rootOk) {
  int mine = ok ? 1 : 0, all = 0, root = mine;
  MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  MPI_Bcast(&root, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (rootOk)
    *rootOk = root != 0;
  return all != 0;
}

Result<Ok> Session::checkSamePoints(const std::vector<DesignPoint> &points) {
  // FNV-1a over the indices and keys, and the count.
  uint64_t hash = 14695981039346656037ull;
  auto mix = [&](const std::string &bytes) {
    for (unsigned char c : bytes)
      hash = (hash ^ c) * 1099511628211ull;
  };
  for (const DesignPoint &p : points) {
    mix(encode(p.index));
    mix(p.key());
  }
  uint64_t mine[2] = {hash, points.size()}, low[2] = {0, 0}, high[2] = {0, 0};
  MPI_Allreduce(mine, low, 2, MPI_UINT64_T, MPI_MIN, MPI_COMM_WORLD);
  MPI_Allreduce(mine, high, 2, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
  if (low[0] != high[0] || low[1] != high[1])
    return std::string("the MPI ranks planned different design points (between ") +
           std::to_string(low[1]) + " and " + std::to_string(high[1]) +
           "); every rank must read the same input files with the same options";
  return Ok{};
}

std::function<Result<Ok>(PointQueue &)> Session::coordinator() {
  return [this](PointQueue &queue) { return serve(&queue); };
}

Result<Ok> Session::releaseWorkers() { return serve(nullptr); }

Result<Ok> Session::serve(PointQueue *queue) {
  if (released)
    return Ok{};
  released = true;
  std::unordered_map<uint64_t, const DesignPoint *> handedOut;
  int hellos = 0;
  uint64_t credits = 0, stops = 0;
  std::optional<std::string> failure;
  auto reply = [&](int rank) -> Result<Ok> {
    const DesignPoint *p = queue && !failure ? queue->claim() : nullptr;
    if (p) {
      handedOut[p->index] = p;
      return send(rank, kWork, encode(p->index));
    }
    ++stops;
    return send(rank, kStop, "");
  };
  while (hellos < ranks - 1 || stops < credits) {
    auto message = poll(MPI_ANY_SOURCE);
    if (!message)
      return message.error();
    if (!*message) {
      std::this_thread::sleep_for(kPollInterval);
      continue;
    }
    const Message &m = **message;
    std::optional<uint64_t> number = decode(m.bytes);
    std::string from = "rank " + std::to_string(m.source);
    if (!number || (m.tag != kHello && m.tag != kResult && m.tag != kFatal))
      return from + " sent a message that is not part of the sweep protocol";
    if (m.tag == kHello) {
      ++hellos;
      credits += *number;
      for (uint64_t i = 0; i < *number; ++i)
        if (auto r = reply(m.source); !r)
          return r;
      continue;
    }
    auto it = handedOut.find(*number);
    if (it == handedOut.end()) {
      failure =
          from + " sent a record of point " + std::to_string(*number) + ", which it was not given";
    } else {
      const DesignPoint &p = *it->second;
      handedOut.erase(it);
      std::string_view payload = std::string_view(m.bytes).substr(8);
      if (failure) {
        // Stopping: records still in flight are dropped (--resume evaluates them again).
      } else if (m.tag == kFatal) {
        Record fatal;
        fatal.fatal = std::string(payload);
        if (auto d = queue->deliver(p, std::move(fatal)); !d)
          failure = d.error();
      } else if (auto record = parseRecordLine(payload); !record) {
        failure = from + " sent an unreadable record of point " + std::to_string(p.index) + ": " +
                  record.error().message;
      } else if (auto d = queue->deliver(p, std::move(*record)); !d) {
        failure = d.error();
      } else {
        delivered.resize(ranks);
        ++delivered[m.source];
      }
    }
    if (auto r = reply(m.source); !r)
      return r;
  }
  if (failure)
    return *failure;
  return Ok{};
}

Result<Ok> Session::work(const std::vector<DesignPoint> &points, const Evaluator &evaluate,
                         const RunOptions &options) {
  std::unordered_map<uint64_t, const DesignPoint *> byIndex;
  for (const DesignPoint &p : points)
    byIndex[p.index] = &p;
  const unsigned threads = std::max(1u, options.threads);
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::optional<uint64_t>> jobs;       // nullopt: one thread stops
  std::deque<std::pair<int, std::string>> outbox; // kResult / kFatal messages
  auto evaluator = [&] {
    for (;;) {
      std::optional<uint64_t> job;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return !jobs.empty(); });
        job = jobs.front();
        jobs.pop_front();
      }
      if (!job)
        return;
      std::pair<int, std::string> message = {kResult, encode(*job)};
      // An unknown index gets an empty line, which rank 0 reports as unreadable.
      if (auto it = byIndex.find(*job); it != byIndex.end()) {
        Record r = evaluatePoint(*it->second, evaluate, options);
        if (!r.fatal.empty())
          message = {kFatal, message.second + r.fatal};
        else
          message.second += recordToJsonLine(r);
      }
      {
        std::lock_guard<std::mutex> lock(mutex);
        outbox.push_back(std::move(message));
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  auto stopAll = [&] {
    {
      std::lock_guard<std::mutex> lock(mutex);
      for (size_t i = 0; i < pool.size(); ++i)
        jobs.push_back(std::nullopt);
    }
    changed.notify_all();
    for (std::thread &t : pool)
      t.join();
  };
  if (auto r = send(0, kHello, encode(threads)); !r)
    return r;
  for (unsigned i = 0; i < threads; ++i)
    pool.emplace_back(evaluator);
  unsigned stops = 0;
  while (stops < threads) {
    std::deque<std::pair<int, std::string>> finished;
    {
      std::lock_guard<std::mutex> lock(mutex);
      finished.swap(outbox);
    }
    for (const auto &[tag, message] : finished)
      if (auto r = send(0, tag, message); !r) {
        stopAll();
        return r;
      }
    auto message = poll(0);
    if (!message) {
      stopAll();
      return message.error();
    }
    if (*message) {
      std::optional<uint64_t> index = decode((*message)->bytes);
      {
        std::lock_guard<std::mutex> lock(mutex);
        if ((*message)->tag == kWork && index) {
          jobs.push_back(*index);
        } else {
          jobs.push_back(std::nullopt);
          ++stops;
        }
      }
      changed.notify_all();
    } else if (finished.empty()) {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait_for(lock, kPollInterval, [&] { return !outbox.empty(); });
    }
  }
  // Every thread has been sent its stop; they exit once their queue is drained.
  for (std::thread &t : pool)
    t.join();
  return Ok{};
}

} // namespace tessel::sweep::mpi
