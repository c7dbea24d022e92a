// Where rendered SQL goes. The runner drives one Sink through the same calls
// in both modes: online, each call reaches the database; offline (--sql),
// each call becomes text of a script for the database's own client. This is
// the only place the two modes differ.
#pragma once

#include <ostream>
#include <string_view>

namespace host {

class Connection;
class Dialect;

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual void execute(std::string_view sql) = 0;
  /// A note for a human reading the script; the database never sees it.
  virtual void comment(std::string_view text) = 0;
};

/// Executes on a live connection.
class ConnectionSink final : public Sink {
 public:
  explicit ConnectionSink(Connection& connection) : connection_(connection) {}
  void begin() override;
  void commit() override;
  void rollback() override;
  void execute(std::string_view sql) override;
  void comment(std::string_view) override {}

 private:
  Connection& connection_;
};

/// Writes a script in the dialect's syntax.
class ScriptSink final : public Sink {
 public:
  ScriptSink(std::ostream& out, const Dialect& dialect) : out_(out), dialect_(dialect) {}
  void begin() override;
  void commit() override;
  void rollback() override;
  void execute(std::string_view sql) override;
  void comment(std::string_view text) override;

 private:
  std::ostream& out_;
  const Dialect& dialect_;
};

}  // namespace host
