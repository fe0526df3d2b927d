// Two processes with several threads each race for the same slots of one equipment: every
// slot gets exactly one booking, and every loser is told which booking holds the slot.
#include "records_fixture.hpp"

#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace callab::test_support {
namespace {

using namespace std::chrono_literals;

constexpr int processes = 2;
constexpr int threads_per_process = 4;
constexpr int slots = 8;

class BookingConcurrencyTest : public RecordsTest {
protected:
    lab::User tech_ = add_user("tech", lab::Role::technician);
    lab::Equipment equipment_ = bookings_.add_equipment({"Power source PS-1", {}, false, 0}, "a");
    lab::TimePoint base_ = lab::start_of(day(2030, 1, 7));

    // Runs in a child process: books every slot from every thread, writes one line per try.
    void race(int process, const std::filesystem::path& out) {
        auto database = db::Database::open(uri_, threads_per_process);
        db::SqlBookingStore store(*database);
        std::mutex mutex;
        std::ofstream file(out);
        std::vector<std::thread> threads;
        for (int t = 0; t < threads_per_process; ++t) {
            threads.emplace_back([&, t] {
                for (int k = 0; k < slots; ++k) {
                    const int slot = (k + t + process) % slots;
                    // Every try at a slot overlaps every other try at it, and no other slot.
                    const auto start = base_ + slot * 3h + (t * 7 + process * 3) * 1min;
                    const lab::BookingRequest request{equipment_.id, tech_.id, std::nullopt, start,
                                                      start + 1h,    "race",   std::nullopt};
                    const auto booked = store.create_booking(request, lab::BookingStatus::approved,
                                                             "p" + std::to_string(process));
                    std::lock_guard lock(mutex);
                    if (booked) {
                        file << slot << " won " << booked->id.value() << "\n";
                    } else {
                        file << slot << " lost " << booked.error().message << "\n";
                    }
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
    }
};

TEST_P(BookingConcurrencyTest, ExactlyOneBookingPerSlotAcrossProcessesAndThreads) {
    std::vector<pid_t> children;
    for (int p = 0; p < processes; ++p) {
        const pid_t pid = ::fork();
        ASSERT_NE(pid, -1);
        if (pid == 0) {
            int status = 0;
            try {
                race(p, dir_.path() / ("race-" + std::to_string(p)));
            } catch (const std::exception& e) {
                std::ofstream(dir_.path() / ("error-" + std::to_string(p))) << e.what();
                status = 1;
            }
            ::_exit(status);
        }
        children.push_back(pid);
    }
    for (const pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    std::map<int, std::vector<long long>> winners;
    std::vector<std::pair<int, std::string>> losses;
    int tries = 0;
    for (int p = 0; p < processes; ++p) {
        std::ifstream in(dir_.path() / ("race-" + std::to_string(p)));
        std::string line;
        while (std::getline(in, line)) {
            ++tries;
            std::istringstream fields(line);
            int slot = 0;
            std::string outcome;
            fields >> slot >> outcome;
            if (outcome == "won") {
                long long id = 0;
                fields >> id;
                winners[slot].push_back(id);
            } else {
                std::string message;
                std::getline(fields, message);
                losses.emplace_back(slot, message);
            }
        }
    }
    EXPECT_EQ(tries, processes * threads_per_process * slots);
    ASSERT_EQ(winners.size(), static_cast<std::size_t>(slots));
    for (const auto& [slot, ids] : winners) {
        EXPECT_EQ(ids.size(), 1U) << "slot " << slot;
    }
    EXPECT_EQ(losses.size(),
              static_cast<std::size_t>((processes * threads_per_process - 1) * slots));
    for (const auto& [slot, message] : losses) {
        EXPECT_NE(message.find("held by booking " + std::to_string(winners[slot].front())),
                  std::string::npos)
            << "slot " << slot << ":" << message;
    }
    EXPECT_EQ(bookings_.bookings_of(equipment_.id, base_, base_ + 48h).size(),
              static_cast<std::size_t>(slots));
}

CALLAB_STORE_TEST_SUITE(BookingConcurrencyTest);

} // namespace
} // namespace callab::test_support
