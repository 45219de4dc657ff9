#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace samskab::bundle::testing {

// The text of a file under tests/ of the source tree.
inline std::string read_test_file(const std::string& relative) {
    std::ifstream in(std::string(SAMSKAB_SOURCE_DIR) + "/tests/" + relative, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace samskab::bundle::testing
