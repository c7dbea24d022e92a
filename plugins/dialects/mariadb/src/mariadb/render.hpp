// retort's portable operations (abi.h, retort_op) in MariaDB SQL.
#pragma once

#include <retort/abi.h>

#include <string>
#include <vector>

namespace retort::mariadb {

/// The statements that carry out `op`, in order (usually one). Throws
/// retort::failure with RETORT_ERROR_USAGE for what MariaDB cannot do
/// (partial indexes, a nullability change without the type, …) or what the
/// operation leaves out (a table or index name).
std::vector<std::string> render_op(const retort_op& op);

}  // namespace retort::mariadb
