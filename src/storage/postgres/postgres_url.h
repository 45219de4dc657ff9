#pragma once

#include <string>
#include <string_view>

namespace samskab::storage::postgres {

// A `postgresql://` or `postgres://` URL as messages may show it: without any password (in
// the user part or as a `password=` parameter). Messages reach terminals, logs and bug
// reports; a password must never. Text without "://" is returned as it is.
std::string describe_server(std::string_view url);

}  // namespace samskab::storage::postgres
