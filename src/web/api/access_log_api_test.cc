// The API's listings of people in the access log (one entry per person shown), and the
// participant correcting their own name (POST /api/v1/me/name).
#include <algorithm>

#include "web/api/api_fixture.h"

namespace samskab::web::api {
namespace {

// The "view" entries whose detail is `detail`, as "subject|detail", sorted.
std::vector<std::string> views_of(core::AccountStore& accounts, const std::string& detail) {
    core::AccessQuery query;
    query.action = "view";
    auto entries = accounts.search_access_log(query);
    EXPECT_TRUE(entries);
    std::vector<std::string> out;
    for (const core::AccessEntry& entry : entries.value_or(std::vector<core::AccessEntry>{})) {
        if (entry.detail == detail) {
            out.push_back(entry.subject + "|" + entry.detail);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST_F(ApiTest, ThePeopleListLogsEachPersonListed) {
    for (const char* email : {"coord@example.dk", "host@example.dk"}) {
        SCOPED_TRACE(email);
        const Session session = sign_in(email);
        const std::string detail = "GET /api/v1/people?partnership=p1";
        const auto before = views_of(*m_accounts, detail).size();
        ASSERT_EQ(get("/api/v1/people?partnership=p1", &session).status, 200);
        const auto logged = views_of(*m_accounts, detail);
        EXPECT_EQ(logged.size(), before + 3);
        for (const char* person : {"alice", "bob", "carol"}) {
            EXPECT_NE(std::find(logged.begin(), logged.end(), std::string(person) + "|" + detail),
                      logged.end())
                << person;
        }
    }
}

TEST_F(ApiTest, TheHostsDayLogsEachPersonCheckedIn) {
    const Session host = sign_in("host@example.dk");
    const std::string detail = "GET /api/v1/host/today?place=pl1";
    ASSERT_EQ(get("/api/v1/host/today?place=pl1", &host).status, 200);
    EXPECT_TRUE(views_of(*m_accounts, detail).empty());  // nobody here, nothing logged
    for (const char* person : {"alice", "bob"}) {
        ASSERT_EQ(post("/api/v1/host/check-ins",
                       std::string(R"({"person":")") + person + R"(","place":"pl1"})", &host)
                      .status,
                  200);
    }
    ASSERT_EQ(get("/api/v1/host/today?place=pl1", &host).status, 200);
    EXPECT_EQ(views_of(*m_accounts, detail),
              (std::vector<std::string>{"alice|" + detail, "bob|" + detail}));
}

TEST_F(ApiTest, AnOccurrenceLogsEachParticipant) {
    const Session coord = sign_in("coord@example.dk");
    ASSERT_EQ(get("/api/v1/occurrences/occ1", &coord).status, 200);
    EXPECT_EQ(views_of(*m_accounts, "GET /api/v1/occurrences/occ1"),
              (std::vector<std::string>{"alice|GET /api/v1/occurrences/occ1"}));
}

std::string name_of(core::CommunityStore& community, const std::string& person) {
    auto found = community.find_person(person, false);
    EXPECT_TRUE(found && *found);
    return found && *found ? (*found)->name : std::string();
}

TEST_F(ApiTest, TheParticipantCorrectsTheirOwnName) {
    const Session alice = sign_in("alice@example.dk");
    const Response reply = post("/api/v1/me/name", R"({"name":"  Alice Ågård  "})", &alice);
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(json_of(reply)["id"], "alice");
    EXPECT_EQ(json_of(reply)["name"], "Alice Ågård");
    EXPECT_EQ(name_of(*m_community, "alice"), "Alice Ågård");
    // The person's own change is no lookup by someone else: only her sign-in is logged.
    const auto log = m_accounts->access_log_of("alice");
    ASSERT_TRUE(log) << log.error().message;
    for (const core::AccessEntry& entry : *log) {
        EXPECT_EQ(entry.action, "login") << entry.detail;
    }
}

TEST_F(ApiTest, ABlankOrOverlongNameIsRefusedAndNothingChanges) {
    const Session alice = sign_in("alice@example.dk");
    const std::string before = name_of(*m_community, "alice");
    // 101 letters "æ" are 202 bytes: over the limit the page has too.
    std::string overlong;
    for (int i = 0; i < 101; ++i) {
        overlong += "æ";
    }
    for (const std::string& body :
         {std::string(R"({})"), std::string(R"({"name":""})"), std::string(R"({"name":"   "})"),
          std::string(R"({"name":42})"), R"({"name":")" + overlong + R"("})"}) {
        SCOPED_TRACE(body);
        const Response refused = post("/api/v1/me/name?lang=en", body, &alice);
        EXPECT_EQ(refused.status, 400);
        const auto error = json_of(refused);
        EXPECT_EQ(error["code"], "Invalid");
        EXPECT_EQ(error["field"], "name");
        EXPECT_EQ(error["message"].get<std::string>().rfind("name: ", 0), 0u) << refused.body;
    }
    const Response danish = post("/api/v1/me/name", R"({"name":")" + overlong + R"("})", &alice);
    EXPECT_EQ(json_of(danish)["message"], "name: må højst være 200 tegn");
    EXPECT_EQ(name_of(*m_community, "alice"), before);
}

TEST_F(ApiTest, OnlyAParticipantCorrectsTheirNameThroughTheApi) {
    const std::string before = name_of(*m_community, "alice");
    for (const char* email : {"coord@example.dk", "host@example.dk"}) {
        SCOPED_TRACE(email);
        const Session session = sign_in(email);
        EXPECT_EQ(post("/api/v1/me/name", R"({"name":"Ny"})", &session).status, 403);
    }
    EXPECT_EQ(name_of(*m_community, "alice"), before);
}

}  // namespace
}  // namespace samskab::web::api
