#pragma once

#include <string>
#include <string_view>

namespace samskab::core {

// `text` in lower case for case-insensitive search of names: ASCII and the Latin letters of
// Danish and its neighbours (Æ Ø Å, Ä Ö Ü, É, Ł, Š, ...), that is Latin-1 and Latin
// Extended-A; every other byte is kept as it is. The stores fold in this program rather than in
// SQL, because neither SQLite's lower() (ASCII only) nor PostgreSQL's (which follows the
// server's locale) gives the same answer everywhere, and a search must find the same people on
// either database.
std::string fold_name(std::string_view text);

}  // namespace samskab::core
