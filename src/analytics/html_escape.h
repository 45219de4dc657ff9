#pragma once

#include <string>
#include <string_view>

namespace samskab::analytics {

// `text` safe as HTML element content and as a quoted attribute value: & < > " ' become
// character references; every other byte is kept as it is.
std::string html_escape(std::string_view text);

}  // namespace samskab::analytics
