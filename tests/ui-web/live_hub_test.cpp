#include "live_admission.hpp"
#include "live_hub.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace callab::web {
namespace {

const lab::JobId job{7};
const lab::JobId other_job{8};

std::vector<std::string> drain(LiveSubscription& subscription) {
    std::vector<std::string> messages;
    while (auto message = subscription.next()) {
        messages.push_back(**message);
    }
    return messages;
}

TEST(LiveHub, ANewSubscriberGetsTheGivenStateFirstThenTheJobsMessagesInOrder) {
    LiveHub hub(8);
    int wakes = 0;
    auto subscription = hub.subscribe(job, "idle", [&] { ++wakes; });
    EXPECT_EQ(wakes, 1);
    hub.publish(job, "a");
    hub.publish(other_job, "not mine");
    hub.publish(job, "b");
    EXPECT_EQ(wakes, 1); // woken only when the queue turned non-empty
    EXPECT_EQ(drain(*subscription), (std::vector<std::string>{"idle", "a", "b"}));
    hub.publish(job, "c");
    EXPECT_EQ(wakes, 2);
    EXPECT_EQ(drain(*subscription), (std::vector<std::string>{"c"}));
    EXPECT_FALSE(subscription->overflowed());
}

TEST(LiveHub, ALateSubscriberStartsWithTheLatestPublishedState) {
    LiveHub hub(8);
    hub.publish_state(job, "running");
    hub.publish(job, "reading");
    hub.publish_state(job, "paused");
    auto late = hub.subscribe(job, "idle", [] {});
    EXPECT_EQ(drain(*late), (std::vector<std::string>{"paused"}));
    auto elsewhere = hub.subscribe(other_job, "idle", [] {});
    EXPECT_EQ(drain(*elsewhere), (std::vector<std::string>{"idle"}));
}

TEST(LiveHub, ASubscriberThatFallsBehindIsDroppedWithoutHoldingUpTheOthers) {
    LiveHub hub(3);
    int slow_wakes = 0;
    auto slow = hub.subscribe(job, "state", [&] { ++slow_wakes; });
    auto quick = hub.subscribe(job, "state", [] {});
    EXPECT_EQ(drain(*quick).size(), 1U);
    hub.publish(job, "1");
    hub.publish(job, "2"); // slow now holds state, 1, 2: full
    EXPECT_EQ(slow_wakes, 1);
    EXPECT_FALSE(slow->overflowed());
    hub.publish(job, "3");
    EXPECT_TRUE(slow->overflowed());
    EXPECT_EQ(slow_wakes, 2);   // woken to close its connection
    EXPECT_FALSE(slow->next()); // its queue is emptied
    EXPECT_EQ(hub.subscribers(job), 1U);
    EXPECT_EQ(drain(*quick), (std::vector<std::string>{"1", "2", "3"}));
    hub.publish(job, "4");
    EXPECT_FALSE(slow->next());
    EXPECT_EQ(slow_wakes, 2);
    EXPECT_EQ(drain(*quick), (std::vector<std::string>{"4"}));
    EXPECT_FALSE(quick->overflowed());
}

TEST(LiveHub, UnsubscribedClientsGetNothingMore) {
    LiveHub hub(4);
    auto first = hub.subscribe(job, "s", [] {});
    auto second = hub.subscribe(job, "s", [] {});
    EXPECT_EQ(hub.subscribers(job), 2U);
    hub.unsubscribe(*first);
    hub.unsubscribe(*first); // twice is harmless
    EXPECT_EQ(hub.subscribers(job), 1U);
    hub.publish(job, "x");
    EXPECT_EQ(drain(*first), (std::vector<std::string>{"s"}));
    EXPECT_EQ(drain(*second), (std::vector<std::string>{"s", "x"}));
    hub.unsubscribe(*second);
    EXPECT_EQ(hub.subscribers(job), 0U);
}

TEST(LiveHub, AfterCloseAllNobodyIsWoken) {
    LiveHub hub(4);
    int wakes = 0;
    auto subscription = hub.subscribe(job, "s", [&] { ++wakes; });
    drain(*subscription);
    hub.close_all();
    hub.publish(job, "x");
    EXPECT_EQ(wakes, 1);
    EXPECT_EQ(hub.subscribers(job), 0U);
}

TEST(LiveOrigin, OnlyThisServerAsTheHostNamesItWithTheSchemeOfTheConnection) {
    EXPECT_TRUE(same_origin("http://127.0.0.1:8080", "127.0.0.1:8080", false));
    EXPECT_TRUE(same_origin("HTTPS://Lab.Example:8443", "lab.example:8443", true));
    EXPECT_FALSE(same_origin("http://lab.example:8443", "lab.example:8443", true));
    EXPECT_FALSE(same_origin("https://evil.example", "lab.example", true));
    EXPECT_FALSE(same_origin("http://127.0.0.1:8081", "127.0.0.1:8080", false));
    EXPECT_FALSE(same_origin("null", "127.0.0.1:8080", false));
    EXPECT_FALSE(same_origin("http://", "", false));
}

} // namespace
} // namespace callab::web
