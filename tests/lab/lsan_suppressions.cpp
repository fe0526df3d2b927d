// LeakSanitizer reads these when the tests run under the asan preset. Both entries are
// memory of the drawing libraries, not of callab:
// - fontconfig: the font patterns Pango's per-thread font map caches for the life of the
//   thread, allocated on the first render (the total stays the same over 1, 2 or 3 renders);
// - cairo 1.16: two small arrays per PDF that its font subsetting allocates inside
//   cairo_surface_finish and never frees, although the surface is destroyed.
// cairo is built without frame pointers, so with ASan's default (fast) unwinding a leak
// stack stops inside libcairo and cannot be matched by function; the whole library is
// suppressed. Running CertificatePdf.* with ASAN_OPTIONS=fast_unwind_on_malloc=0 and the
// narrower `leak:cairo_surface_finish` instead shows no other leak.
extern "C" const char* __lsan_default_suppressions();

extern "C" const char* __lsan_default_suppressions() {
    return "leak:libfontconfig.so\n"
           "leak:libcairo.so\n";
}
