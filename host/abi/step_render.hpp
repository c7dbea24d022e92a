// A planned step (host/schema/change_plan.hpp) rendered by a dialect into
// its statements: the step becomes the retort_op it stands for, the same
// vocabulary revisions send, so the dialect's own renderer (and its
// refusals) decide the SQL.
#pragma once

#include <string>
#include <vector>

#include "host/abi/dialect.hpp"
#include "host/schema/change_plan.hpp"

namespace host {

std::vector<std::string> render_step(const Dialect& dialect, const schema::Step& step);

}  // namespace host
