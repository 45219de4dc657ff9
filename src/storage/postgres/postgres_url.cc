#include "storage/postgres/postgres_url.h"

namespace samskab::storage::postgres {

namespace {

// Drops `password=...` from the `&`-separated parameters after `?`.
std::string without_password_parameter(std::string_view query) {
    std::string kept;
    while (!query.empty()) {
        const size_t end = query.find('&');
        const std::string_view parameter = query.substr(0, end);
        query = end == std::string_view::npos ? std::string_view() : query.substr(end + 1);
        if (parameter.rfind("password=", 0) == 0 || parameter == "password") {
            continue;
        }
        kept += kept.empty() ? "" : "&";
        kept += parameter;
    }
    return kept;
}

}  // namespace

std::string describe_server(std::string_view url) {
    const size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) {
        return std::string(url);
    }
    const size_t rest_start = scheme_end + 3;
    const size_t query_start = url.find('?', rest_start);
    const std::string_view before_query = url.substr(0, query_start);
    std::string described(url.substr(0, rest_start));
    // The user part ends at the last '@' before the parameters: a password may contain '/'
    // or '@' that its writer did not percent-encode, and a host name never contains '@'.
    const size_t at = before_query.rfind('@');
    size_t host_start = rest_start;
    if (at != std::string_view::npos && at >= rest_start) {
        const std::string_view user_part = before_query.substr(rest_start, at - rest_start);
        described += user_part.substr(0, user_part.find(':'));
        described += '@';
        host_start = at + 1;
    }
    described += before_query.substr(host_start);
    if (query_start != std::string_view::npos) {
        const std::string kept = without_password_parameter(url.substr(query_start + 1));
        if (!kept.empty()) {
            described += "?" + kept;
        }
    }
    return described;
}

}  // namespace samskab::storage::postgres
