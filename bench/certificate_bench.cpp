// Certificate rendering per certificate (the IR thermometer sample: 3 points, 2 reference
// standards), each against a named baseline in the same run:
//   render_certificate_pdf  vs  an empty A4 cairo PDF page (the floor of any cairo PDF);
//   write_dcc               vs  copying a string of the DCC's size (the floor of producing
//                               those bytes).
#include "support/sample_certificate.hpp"

#include <callab/lab/certificate_dcc.hpp>
#include <callab/lab/certificate_digest.hpp>
#include <callab/lab/certificate_pdf.hpp>

#include <benchmark/benchmark.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <string>

namespace {

cairo_status_t append_to(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void pdf_callab_certificate(benchmark::State& state) {
    const auto content =
        callab::test::sample_certificate_with_points(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        auto pdf = callab::lab::render_certificate_pdf(content);
        benchmark::DoNotOptimize(pdf);
    }
}

void pdf_baseline_empty_cairo_page(benchmark::State& state) {
    for (auto _ : state) {
        std::string pdf;
        cairo_surface_t* surface =
            cairo_pdf_surface_create_for_stream(append_to, &pdf, 595.276, 841.89);
        cairo_t* cr = cairo_create(surface);
        cairo_show_page(cr);
        cairo_destroy(cr);
        cairo_surface_finish(surface);
        cairo_surface_destroy(surface);
        benchmark::DoNotOptimize(pdf);
    }
}

void dcc_callab_write(benchmark::State& state) {
    const auto content = callab::test::sample_certificate();
    const auto pdf = callab::lab::render_certificate_pdf(content).value();
    for (auto _ : state) {
        auto xml = callab::lab::write_dcc(content, pdf);
        benchmark::DoNotOptimize(xml);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(
                                                     callab::lab::write_dcc(content, pdf)->size()));
}

void dcc_baseline_string_copy(benchmark::State& state) {
    const auto content = callab::test::sample_certificate();
    const auto pdf = callab::lab::render_certificate_pdf(content).value();
    const std::string same_size(callab::lab::write_dcc(content, pdf)->size(), 'x');
    for (auto _ : state) {
        std::string copy = same_size;
        benchmark::DoNotOptimize(copy);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(same_size.size()));
}

void digest_callab_pdf_and_dcc(benchmark::State& state) {
    const auto content = callab::test::sample_certificate();
    const auto pdf = callab::lab::render_certificate_pdf(content).value();
    const auto xml = callab::lab::write_dcc(content, pdf).value();
    for (auto _ : state) {
        benchmark::DoNotOptimize(callab::lab::digest_certificate(pdf, xml));
    }
}

BENCHMARK(pdf_callab_certificate)->Arg(3)->Arg(60)->Unit(benchmark::kMillisecond);
BENCHMARK(pdf_baseline_empty_cairo_page)->Unit(benchmark::kMillisecond);
BENCHMARK(dcc_callab_write)->Unit(benchmark::kMillisecond);
BENCHMARK(dcc_baseline_string_copy)->Unit(benchmark::kMillisecond);
BENCHMARK(digest_callab_pdf_and_dcc)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
