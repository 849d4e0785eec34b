// `stipple bench --quick --json`: the figures scripts and the README's table read. The figures
// themselves are not checked against goals here (speed is the benchmark's business, not a
// test's); what is checked is that every figure is there and its statistics are consistent
// with its own runs.
#include "RunCommand.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using stipple::test::TempFolder;
using stipple::test::run;

TEST_CASE("bench --json writes every figure with its runs, median and p95", "[cli][bench]") {
    TempFolder folder;
    const std::string file = (folder.path() / "bench.json").string();
    REQUIRE(run({"bench", "--quick", "--json", file}) == 0);
    std::ifstream in(file);
    REQUIRE(in);
    const nlohmann::json json = nlohmann::json::parse(in);
    CHECK(json.at("quick").get<bool>());
    CHECK_FALSE(json.at("device").get<std::string>().empty());
    CHECK_FALSE(json.at("date").get<std::string>().empty());

    std::set<std::string> ids;
    for (const nlohmann::json& figure : json.at("figures")) {
        const std::string id = figure.at("id").get<std::string>();
        INFO(id);
        CHECK(ids.insert(id).second);  // ids are keys: no two figures share one
        CHECK(figure.at("unit") == "ms");
        std::vector<double> times = figure.at("times").get<std::vector<double>>();
        const std::size_t runs = figure.at("runs").get<std::size_t>();
        CHECK(runs >= 1);
        REQUIRE(times.size() == runs);
        std::sort(times.begin(), times.end());
        const double median = figure.at("median").get<double>(), p95 = figure.at("p95").get<double>();
        CHECK(times.front() > 0.0);
        CHECK(median >= times.front());
        CHECK(median <= p95);
        CHECK(p95 <= times.back());
        // The median is the middle run (or the mean of the two middle runs).
        const std::size_t n = times.size();
        CHECK(median == Approx(n % 2 == 1 ? times[n / 2] : 0.5 * (times[n / 2 - 1] + times[n / 2])));
    }
    for (const char* id : {"start_cached", "start_cold", "frame", "import_default_head", "import_obj", "import_ply",
                           "pool_build", "yuksel_build", "rescatter_pool", "rescatter_1m", "floor_1m", "rebake_full", "change_15mm",
                           "change_15mm_frame", "frame_10k", "frame_100k", "frame_1000k", "frame_close_up",
                           "dab_cpu", "dab_cpu_screen", "dab_gpu", "dab_gpu_screen", "export_bake", "export",
                           "start_cached_pool", "start_cold_frame"}) {
        INFO(id);
        CHECK(ids.count(id) == 1);
    }

    std::set<std::string> valueIds;
    for (const nlohmann::json& value : json.at("values")) {
        const double v = value.at("value").get<double>();
        INFO(value.at("id").get<std::string>());
        CHECK(std::isfinite(v));
        CHECK(v > 0.0);
        valueIds.insert(value.at("id").get<std::string>());
    }
    for (const char* id : {"yuksel_over_pool", "rescatter_over_floor", "pool_size", "pool_rho_min", "yuksel_rho_min",
                           "pool_rho_10", "yuksel_rho_25", "peak_memory_export", "peak_memory"}) {
        INFO(id);
        CHECK(valueIds.count(id) == 1);
    }
    // rho is a fraction of the hexagonal packing's radius; blue noise sits well inside (0, 1).
    for (const nlohmann::json& value : json.at("values"))
        if (value.at("id").get<std::string>().find("rho") != std::string::npos) {
            CHECK(value.at("value").get<double>() > 0.3);
            CHECK(value.at("value").get<double>() < 1.0);
        }
}

TEST_CASE("bench refuses positional arguments and an option without its value", "[cli][bench]") {
    CHECK(run({"bench", "extra"}) == 2);
    CHECK(run({"bench", "--json"}) == 2);
    CHECK(run({"bench", "--no-such-option"}) == 2);
}
