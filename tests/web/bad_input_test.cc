// Malformed requests to every form and API write route of access_matrix.tsv: a missing or
// wrong CSRF token, the wrong content type, broken UTF-8 in every field, SQL and HTML
// metacharacters in every field, unknown ids in the path. Each gets a clear 4xx answer and
// changes nothing in the database; text that is legitimately accepted is stored as it was
// typed and shown escaped on every page. (Oversized heads and bodies, 431 and 413, are the
// server's: src/web/http/server_test.cc.)
//
// The fields come from the application itself: every form field name of the page templates,
// the forms on the pages each role sees (with the values they are filled in with), and the
// request bodies of the OpenAPI document.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bundle/bundle_reader.h"
#include "cli/web_app.h"
#include "web/http/http_parsing.h"

namespace samskab {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr std::string_view PASSWORD = "korrekt hest batteri";
const std::vector<std::string> ROLES = {"anonymous", "participant", "host",         "coordinator",
                                        "companion", "analyst",     "administrator"};
const std::vector<std::string> PAYLOADS = {"'; DROP TABLE people;--", "<script>alert(1)</script>",
                                           "\"><img src=x>"};
// What a page would hold if a payload were not escaped.
const std::vector<std::string> RAW_MARKUP = {"<script>alert(1)</script>", "\"><img src=x>"};
constexpr std::string_view BROKEN_UTF8 = "%FF%FEbad%C3";
constexpr std::string_view WRONG_TOKEN = "WrongTokenOf43CharactersXXXXXXXXXXXXXXXXXXX";
// Tables that a refused request may legitimately touch: the session's last use, the count of
// failed sign-ins (throttling), and the log of who looked at what.
const std::set<std::string> VOLATILE_TABLES = {"sessions", "login_failures", "audit_log",
                                               "audit_log_v3"};

fs::path source_dir() {
    const char* dir = std::getenv("SAMSKAB_SOURCE_DIR");
    return dir != nullptr ? fs::path(dir) : fs::path(SAMSKAB_SOURCE_DIR);
}

struct Row {
    std::string method, pattern, target;
    std::vector<std::string> expected;
};

std::vector<Row> read_matrix() {
    std::ifstream in(source_dir() / "tests/web/access_matrix.tsv");
    std::vector<Row> rows;
    std::string text;
    while (std::getline(in, text)) {
        if (text.empty() || text[0] == '#') {
            continue;
        }
        std::istringstream fields(text);
        Row row;
        fields >> row.method >> row.pattern >> row.target;
        std::string cell;
        while (fields >> cell) {
            row.expected.push_back(cell);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

// The role a route is swept as: the first account the route serves, else no session.
std::string role_for(const Row& row) {
    for (std::size_t i = 1; i < ROLES.size() && i < row.expected.size(); ++i) {
        if (row.expected[i] == "ok") {
            return ROLES[i];
        }
    }
    return "anonymous";
}

bool is_api(const std::string& path) {
    return path.rfind("/api/", 0) == 0;
}

// Whether the path `path` is an instance of `pattern` (":name" matches one segment).
bool matches(const std::string& pattern, const std::string& path) {
    std::istringstream a(pattern), b(path);
    std::string x, y;
    while (true) {
        const bool more_a = static_cast<bool>(std::getline(a, x, '/'));
        const bool more_b = static_cast<bool>(std::getline(b, y, '/'));
        if (!more_a || !more_b) {
            return more_a == more_b;
        }
        if (x != y && !(x.size() > 1 && x[0] == ':' && !y.empty())) {
            return false;
        }
    }
}

// --- reading the application's own forms

// A form as a browser would submit it: where to, and its fields with their initial values.
struct Form {
    std::string action;
    std::vector<std::pair<std::string, std::string>> fields;
};

std::string unescape_html(std::string_view text) {
    static const std::vector<std::pair<std::string_view, std::string_view>> entities = {
        {"&lt;", "<"},   {"&gt;", ">"},   {"&quot;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"},
        {"&#x2F;", "/"}, {"&#x3D;", "="}, {"&#96;", "`"},   {"&amp;", "&"}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const auto& [entity, character] : entities) {
            if (text.substr(i, entity.size()) == entity) {
                out += character;
                i += entity.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            out += text[i++];
        }
    }
    return out;
}

// The value of attribute `name` in the tag `tag` (double-quoted, as the templates write them),
// or nullopt.
std::optional<std::string> attribute(std::string_view tag, std::string_view name) {
    const std::string key = " " + std::string(name) + "=\"";
    const auto at = tag.find(key);
    if (at == std::string_view::npos) {
        return std::nullopt;
    }
    const auto start = at + key.size();
    return unescape_html(tag.substr(start, tag.find('"', start) - start));
}

bool has_flag(std::string_view tag, std::string_view name) {
    const std::string key = " " + std::string(name);
    const auto at = tag.find(key);
    if (at == std::string_view::npos) {
        return false;
    }
    const auto after = at + key.size();
    return after == tag.size() ||
           std::string_view(" />=").find(tag[after]) != std::string_view::npos;
}

// The POST forms of a page.
std::vector<Form> forms_in(const std::string& html) {
    std::vector<Form> forms;
    for (auto start = html.find("<form"); start != std::string::npos;
         start = html.find("<form", start + 1)) {
        const auto open_end = html.find('>', start);
        const auto close = html.find("</form>", open_end);
        if (open_end == std::string::npos || close == std::string::npos) {
            break;
        }
        const std::string_view tag(html.data() + start, open_end - start);
        if (web::ascii_lower(attribute(tag, "method").value_or("get")) != "post") {
            continue;
        }
        Form form;
        form.action = attribute(tag, "action").value_or("");
        bool submit_taken = false;
        const std::string_view body(html.data() + open_end, close - open_end);
        for (auto at = body.find('<'); at != std::string_view::npos; at = body.find('<', at + 1)) {
            const auto end = body.find('>', at);
            const std::string_view element = body.substr(at, end - at);
            const auto name = attribute(element, "name");
            if (!name || name->empty()) {
                continue;
            }
            if (element.rfind("<input", 0) == 0) {
                const std::string type =
                    web::ascii_lower(attribute(element, "type").value_or("text"));
                if ((type == "checkbox" || type == "radio") && !has_flag(element, "checked")) {
                    continue;
                }
                if (type == "submit" || type == "image") {
                    if (submit_taken) {
                        continue;
                    }
                    submit_taken = true;
                }
                form.fields.emplace_back(
                    *name, attribute(element, "value").value_or(type == "checkbox" ? "on" : ""));
            } else if (element.rfind("<button", 0) == 0) {
                if (!submit_taken) {
                    submit_taken = true;
                    form.fields.emplace_back(*name, attribute(element, "value").value_or(""));
                }
            } else if (element.rfind("<textarea", 0) == 0) {
                const auto text_end = body.find("</textarea>", end);
                form.fields.emplace_back(*name,
                                         unescape_html(body.substr(end + 1, text_end - end - 1)));
            } else if (element.rfind("<select", 0) == 0) {
                const std::string_view options =
                    body.substr(end, body.find("</select>", end) - end);
                std::optional<std::string> chosen;
                for (auto o = options.find("<option"); o != std::string_view::npos;
                     o = options.find("<option", o + 1)) {
                    const std::string_view option = options.substr(o, options.find('>', o) - o);
                    const std::string value = attribute(option, "value").value_or("");
                    if ((!chosen && !value.empty()) || has_flag(option, "selected")) {
                        chosen = value;
                    }
                }
                form.fields.emplace_back(*name, chosen.value_or(""));
            }
        }
        forms.push_back(std::move(form));
    }
    return forms;
}

// Every form field name written in the page templates.
std::set<std::string> template_field_names(const fs::path& source) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(source / "src/web/views/templates")) {
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        const std::string html = text.str();
        for (auto at = html.find(" name=\""); at != std::string::npos;
             at = html.find(" name=\"", at + 1)) {
            const auto start = at + 7;
            const std::string name = html.substr(start, html.find('"', start) - start);
            if (!name.empty() && name.find("{{") == std::string::npos) {
                names.insert(name);
            }
        }
    }
    return names;
}

class BadInput : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = fs::temp_directory_path() / ("samskab-bad-input-" + std::to_string(getpid()));
        fs::create_directories(s_dir);
        web::WebConfig config;
        config.static_dir = (s_dir / "static").string();
        auto app = cli::WebApp::open((s_dir / "bad.db").string(), 2, config);
        ASSERT_TRUE(app) << app.error().message;
        s_app = std::move(*app);
        std::ifstream bundle_file(source_dir() / "tests/bundles/small.json");
        std::stringstream bundle_text;
        bundle_text << bundle_file.rdbuf();
        auto bundle = bundle::read_bundle_text(bundle_text.str(), core::Lang::En);
        ASSERT_TRUE(bundle.issues.empty());
        ASSERT_TRUE(s_app->services().store.import_bundle(bundle.bundle));
        auto host_person = s_app->community().create_person({"Vera Vært", "insp", {}, {}});
        ASSERT_TRUE(host_person);
        add("participant", "p2", {core::AccountRole::Participant, "insp", ""});
        add("host", *host_person, {core::AccountRole::Host, "", "insp-house"});
        add("coordinator", "", {core::AccountRole::Coordinator, "insp", ""});
        add("companion", "s1", {core::AccountRole::Companion, "insp", ""});
        add("analyst", "", {core::AccountRole::Analyst, "", ""});
        add("administrator", "", {core::AccountRole::Administrator, "", ""});
        // A logbook template at the host's place, for the logbook routes.
        core::NewLogbookTemplate logbook;
        logbook.id = "lt-matrix";
        logbook.place = "insp-house";
        logbook.name = "Husets logbog";
        logbook.fields = {{"note", "Noter", core::FieldType::Text, {}, false},
                          {"mood", "Stemning", core::FieldType::Scale, {}, false},
                          {"present", "Til stede", core::FieldType::PeoplePresent, {}, false}};
        ASSERT_TRUE(s_app->logbooks()->create_template(logbook));
    }

    static void TearDownTestSuite() {
        s_app.reset();
        fs::remove_all(s_dir);
    }

    static void add(const std::string& role, const std::string& person, core::RoleGrant grant) {
        core::NewAccount account;
        account.email = role + "@example.dk";
        account.name = role;
        account.person = person;
        account.roles = {grant};
        auto hash = s_app->hasher().hash(PASSWORD);
        ASSERT_TRUE(hash);
        account.password_hash = *hash;
        ASSERT_TRUE(s_app->auth().create_account(account, core::Lang::En));
        sign_in(role);
    }

    static void sign_in(const std::string& role) {
        auto signed_in =
            s_app->auth().login(role + "@example.dk", PASSWORD, "192.0.2.1", core::Lang::En);
        ASSERT_TRUE(signed_in) << role << ": " << signed_in.error().message;
        s_sessions[role] = {signed_in->token, signed_in->session.csrf_token};
    }

    // The session's CSRF token (or the anonymous browser's).
    static std::string token_of(const std::string& role) {
        auto found = s_sessions.find(role);
        return found != s_sessions.end() ? found->second.second
                                         : "AnonymousBrowserTokenOf43CharactersXXXXXXXX";
    }

    // A request as `role` to `path` with `body` of `content_type` and, for the API, `csrf` in
    // the header (a page's token belongs in its body).
    static web::Response send(const std::string& role, web::Method method, const std::string& path,
                              const std::string& content_type, const std::string& body,
                              const std::string& csrf) {
        web::Request request;
        request.method = method;
        request.remote_address = "192.0.2.1";
        const auto question = path.find('?');
        request.path = path.substr(0, question);
        if (question != std::string::npos) {
            request.query = *web::parse_query(path.substr(question + 1), core::Lang::En);
        }
        request.query.add("lang", "en");
        if (auto found = s_sessions.find(role); found != s_sessions.end()) {
            request.cookies.add("samskab_session", found->second.first);
        } else {
            request.cookies.add("samskab_csrf", token_of(role));
        }
        if (!content_type.empty()) {
            request.headers.add("content-type", content_type);
        }
        if (is_api(path) && !csrf.empty()) {
            request.headers.add("x-csrf-token", csrf);
        }
        request.body = body;
        web::Response response = s_app->application().handle(request);
        if (request.path == "/logout" || (request.path == "/api/v1/session" &&
                                          method == web::Method::Post && role != "anonymous")) {
            sign_in(role);  // the request may have ended or replaced the session
        }
        return response;
    }

    static web::Response get(const std::string& role, const std::string& path) {
        return send(role, web::Method::Get, path, "", "", "");
    }

    // A form body with the session's token and `fields`.
    static web::Response post_form(const std::string& role, const std::string& path,
                                   const std::vector<std::pair<std::string, std::string>>& fields,
                                   bool with_token = true) {
        std::string body = with_token ? "csrf_token=" + web::percent_encode(token_of(role)) : "";
        for (const auto& [name, value] : fields) {
            body += (body.empty() ? "" : "&") + web::percent_encode(name) + "=" +
                    web::percent_encode(value);
        }
        return send(role, web::Method::Post, path, "application/x-www-form-urlencoded", body, "");
    }

    static web::Response post_json(const std::string& role, const std::string& path,
                                   const std::string& body) {
        return send(role, web::Method::Post, path, "application/json", body, token_of(role));
    }

    // Every row of every table but the volatile ones, as text.
    static std::string snapshot() {
        sqlite3* db = nullptr;
        EXPECT_EQ(sqlite3_open_v2((s_dir / "bad.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
                  SQLITE_OK);
        std::vector<std::string> tables;
        sqlite3_stmt* list = nullptr;
        sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                           -1, &list, nullptr);
        while (sqlite3_step(list) == SQLITE_ROW) {
            tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list, 0)));
        }
        sqlite3_finalize(list);
        std::string out;
        for (const std::string& table : tables) {
            if (VOLATILE_TABLES.count(table)) {
                continue;
            }
            out += "[" + table + "]\n";
            sqlite3_stmt* rows = nullptr;
            sqlite3_prepare_v2(db, ("SELECT * FROM \"" + table + "\" ORDER BY 1").c_str(), -1,
                               &rows, nullptr);
            while (sqlite3_step(rows) == SQLITE_ROW) {
                for (int i = 0; i < sqlite3_column_count(rows); ++i) {
                    const auto* text = sqlite3_column_text(rows, i);
                    out += text ? reinterpret_cast<const char*>(text) : "NULL";
                    out += '|';
                }
                out += '\n';
            }
            sqlite3_finalize(rows);
        }
        sqlite3_close(db);
        return out;
    }

    // The fields of each API write route's request body, from the OpenAPI document.
    static std::map<std::string, std::vector<std::string>> api_fields() {
        const Json doc = Json::parse(get("anonymous", "/api/v1/openapi.json").body);
        std::map<std::string, std::vector<std::string>> fields;
        for (const auto& [path, operations] : doc["paths"].items()) {
            if (!operations.contains("post")) {
                continue;
            }
            std::vector<std::string>& names = fields[path];
            const Json& post = operations["post"];
            if (!post.contains("requestBody")) {
                continue;
            }
            Json schema = post["requestBody"]["content"]["application/json"]["schema"];
            if (schema.contains("$ref")) {
                const std::string name = schema["$ref"].get<std::string>().substr(21);
                schema = doc["components"]["schemas"][name];
            }
            for (const auto& [name, ignored] : schema["properties"].items()) {
                names.push_back(name);
            }
        }
        return fields;
    }

    // One form for each page route that has one, with the role that sees it: from every page
    // of the matrix as every role it serves, and the host's page with search results (where the
    // check-in buttons are).
    static const std::map<std::string, std::pair<std::string, Form>>& forms() {
        static const auto found = [] {
            std::vector<std::pair<std::string, std::string>> pages = {
                {"host", "/host/today?place=insp-house&q=s"}};
            const std::vector<Row> rows = read_matrix();
            for (const Row& row : rows) {
                for (std::size_t i = 0; i < ROLES.size() && row.method == "GET"; ++i) {
                    if (row.expected[i] == "ok") {
                        pages.emplace_back(ROLES[i], row.target);
                    }
                }
            }
            std::map<std::string, std::pair<std::string, Form>> by_pattern;
            for (const auto& [role, page] : pages) {
                for (const Form& form : forms_in(get(role, page).body)) {
                    const std::string path = form.action.substr(0, form.action.find('?'));
                    for (const Row& post : rows) {
                        if (post.method == "POST" && !is_api(post.pattern) &&
                            matches(post.pattern, path) && !by_pattern.count(post.pattern)) {
                            by_pattern[post.pattern] = {role, form};
                        }
                    }
                }
            }
            return by_pattern;
        }();
        return found;
    }

    static inline fs::path s_dir;
    static inline std::unique_ptr<cli::WebApp> s_app;
    static inline std::map<std::string, std::pair<std::string, std::string>> s_sessions;
};

// OpenAPI writes paths with {id}; the matrix with :id.
std::string openapi_path(const std::string& pattern) {
    std::string out;
    std::istringstream parts(pattern);
    std::string part;
    while (std::getline(parts, part, '/')) {
        if (part.empty()) {
            continue;
        }
        out += "/" + (part[0] == ':' ? "{" + part.substr(1) + "}" : part);
    }
    return out;
}

TEST_F(BadInput, TokensAndContentTypesAreCheckedOnEveryWriteRoute) {
    int routes = 0;
    for (const Row& row : read_matrix()) {
        if (row.method != "POST") {
            continue;
        }
        ++routes;
        const std::string role = role_for(row);
        const std::string where = row.target + " as " + role;
        const std::string before = snapshot();
        if (is_api(row.target)) {
            EXPECT_EQ(
                send(role, web::Method::Post, row.target, "application/json", "{}", "").status, 403)
                << where << ": without the CSRF header";
            EXPECT_EQ(send(role, web::Method::Post, row.target, "application/json", "{}",
                           std::string(WRONG_TOKEN))
                          .status,
                      403)
                << where << ": with a wrong CSRF header";
            web::Response typed = send(role, web::Method::Post, row.target, "text/plain",
                                       "{\"x\":1}", token_of(role));
            EXPECT_EQ(typed.status, 415) << where << ": " << typed.body;
        } else {
            EXPECT_EQ(post_form(role, row.target, {}, false).status, 403)
                << where << ": without csrf_token";
            EXPECT_EQ(post_form(role, row.target, {{"csrf_token", std::string(WRONG_TOKEN)}}, false)
                          .status,
                      403)
                << where << ": with a wrong csrf_token";
            EXPECT_EQ(send(role, web::Method::Post, row.target, "text/plain",
                           "csrf_token=" + token_of(role), "")
                          .status,
                      415)
                << where << ": sent as text/plain";
            EXPECT_EQ(send(role, web::Method::Post, row.target, "multipart/form-data; boundary=x",
                           "--x--", "")
                          .status,
                      415)
                << where << ": sent as multipart";
        }
        EXPECT_EQ(snapshot(), before) << where << ": a refused request changed the database";
    }
    EXPECT_GT(routes, 30);
}

TEST_F(BadInput, BrokenUtf8InAnyFieldIsRefusedNamingIt) {
    const std::set<std::string> form_fields = template_field_names(source_dir());
    ASSERT_GT(form_fields.size(), 15U);
    const auto api = api_fields();
    for (const Row& row : read_matrix()) {
        if (row.method != "POST") {
            continue;
        }
        const std::string role = role_for(row);
        const std::string before = snapshot();
        if (is_api(row.target)) {
            const auto found = api.find(openapi_path(row.pattern));
            ASSERT_NE(found, api.end()) << row.pattern << " is not in the OpenAPI document";
            for (const std::string& field : found->second) {
                const std::string body = "{\"" + field + "\":\"bad \xff\xfe text\"}";
                web::Response response = post_json(role, row.target, body);
                EXPECT_EQ(response.status, 400) << row.target << " " << field;
                EXPECT_NE(response.body.find("\"field\":\"" + field + "\""), std::string::npos)
                    << row.target << " " << field << ": " << response.body;
                EXPECT_NE(response.body.find("invalid UTF-8"), std::string::npos) << response.body;
            }
        } else {
            // The route's own form's fields where a page shows it, else every field name.
            std::set<std::string> fields = form_fields;
            if (auto form = forms().find(row.pattern); form != forms().end()) {
                fields.clear();
                for (const auto& [name, value] : form->second.second.fields) {
                    if (name != "csrf_token") {
                        fields.insert(name);
                    }
                }
            }
            for (const std::string& field : fields) {
                std::string body =
                    "csrf_token=" + token_of(role) + "&" + field + "=" + std::string(BROKEN_UTF8);
                web::Response response = send(role, web::Method::Post, row.target,
                                              "application/x-www-form-urlencoded", body, "");
                EXPECT_EQ(response.status, 400) << row.target << " " << field;
                EXPECT_NE(response.body.find("&quot;" + field + "&quot;"), std::string::npos)
                    << row.target << " " << field << ": the message does not name the field";
            }
        }
        EXPECT_EQ(snapshot(), before) << row.target << ": broken UTF-8 changed the database";
    }
}

TEST_F(BadInput, UnknownIdsInThePathAreRefused) {
    for (const Row& row : read_matrix()) {
        if (row.pattern.find(':') == std::string::npos) {
            continue;
        }
        const std::string role = role_for(row);
        for (const std::string& id : {std::string("no-such-id"), PAYLOADS[0], PAYLOADS[1]}) {
            std::string path;
            std::istringstream parts(row.pattern);
            std::string part;
            while (std::getline(parts, part, '/')) {
                if (!part.empty()) {
                    path += "/" + (part[0] == ':' ? id : part);
                }
            }
            const std::string before = snapshot();
            web::Response response = row.method == "GET" ? get(role, path)
                                     : is_api(path)      ? post_json(role, path, "{}")
                                                         : post_form(role, path, {});
            EXPECT_GE(response.status, 400) << row.method << " " << path << " as " << role;
            EXPECT_LT(response.status, 500) << row.method << " " << path << " as " << role;
            EXPECT_EQ(snapshot(), before) << row.method << " " << path;
            for (const std::string& markup : RAW_MARKUP) {
                EXPECT_EQ(response.body.find(markup), std::string::npos)
                    << path << ": the id is shown unescaped";
            }
        }
    }
}

TEST_F(BadInput, MetacharactersInEveryFieldAreRefusedOrStoredAsTypedAndShownEscaped) {
    // Every form on every page each role sees, filled in as the page fills it, with one field
    // at a time replaced by each payload.
    const auto& forms = BadInput::forms();
    EXPECT_GE(forms.size(), 20U);
    // The forms that change records must be among them.
    for (const char* pattern :
         {"/login", "/host/check-in", "/host/logbook", "/coordinator/people",
          "/coordinator/places/new", "/activities/new", "/coordinator/accounts/new"}) {
        EXPECT_TRUE(forms.count(pattern)) << "no form found for " << pattern;
    }
    std::string before = snapshot();
    int accepted = 0;
    for (const auto& [pattern, found] : forms) {
        const auto& [role, form] = found;
        for (std::size_t f = 0; f < form.fields.size(); ++f) {
            if (form.fields[f].first == "csrf_token") {
                continue;
            }
            for (const std::string& payload : PAYLOADS) {
                auto fields = form.fields;
                fields[f].second = payload;
                web::Response response = post_form(role, form.action, fields);
                const std::string where =
                    form.action + " " + fields[f].first + "=" + payload + " as " + role;
                EXPECT_LT(response.status, 500) << where;
                const std::string after = snapshot();
                if (response.status >= 400) {
                    EXPECT_EQ(after, before) << where << ": refused, yet the database changed";
                } else {
                    ++accepted;
                }
                for (const std::string& markup : RAW_MARKUP) {
                    EXPECT_EQ(response.body.find(markup), std::string::npos)
                        << where << ": the answer shows it unescaped";
                }
                before = after;
            }
        }
    }
    EXPECT_GT(accepted, 0) << "no payload was accepted anywhere: the escaping goes untested";

    // The API: each field of each write route with each payload, the others absent.
    const auto api = api_fields();
    for (const Row& row : read_matrix()) {
        if (row.method != "POST" || !is_api(row.target)) {
            continue;
        }
        const std::string role = role_for(row);
        for (const std::string& field : api.at(openapi_path(row.pattern))) {
            for (const std::string& payload : PAYLOADS) {
                web::Response response = post_json(role, row.target, Json{{field, payload}}.dump());
                EXPECT_LT(response.status, 500) << row.target << " " << field;
                const std::string after = snapshot();
                if (response.status >= 400) {
                    EXPECT_EQ(after, before) << row.target << " " << field << "=" << payload;
                }
                before = after;
            }
        }
    }

    // Whatever was stored is shown escaped on every page, to every role; it was stored as typed.
    EXPECT_NE(before.find("<script>alert(1)</script>"), std::string::npos);
    int escaped = 0;
    for (const Row& row : read_matrix()) {
        if (row.method != "GET" || is_api(row.target)) {
            continue;
        }
        for (const std::string& role : ROLES) {
            const web::Response page = get(role, row.target);
            // A download (a CSV for Excel) holds the text as typed: it is data, not a page, and
            // is never shown by the browser (an attachment; nosniff).
            if (page.header("Content-Disposition").rfind("attachment", 0) == 0) {
                EXPECT_EQ(page.header("Content-Type").rfind("text/html", 0), std::string::npos)
                    << row.target;
                continue;
            }
            for (const std::string& markup : RAW_MARKUP) {
                EXPECT_EQ(page.body.find(markup), std::string::npos)
                    << row.target << " as " << role << " shows a payload unescaped";
            }
            escaped += page.body.find("&lt;script&gt;alert(1)") != std::string::npos;
        }
    }
    EXPECT_GT(escaped, 0) << "no page shows the stored text";
}

}  // namespace
}  // namespace samskab
