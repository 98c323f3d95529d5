/* test_lazy.c: libraries opened on first use (src/lazy).
 *
 * The sayso binary itself must not load libpq, libsndfile, libzip,
 * libxml2 or libsystemd before main() (that is what keeps its start-up
 * near a bare SDL window's): the dynamic loader is asked what it would
 * load. A library or function that is missing gives a plain message
 * naming the library and its Debian package, never a crash; the real
 * tables call through to the real libraries. */
#include "lazy/lazy_lib.h"
#include "lazy/lazy_pq.h"
#include "lazy/lazy_sndfile.h"
#include "lazy/lazy_systemd.h"
#include "lazy/lazy_xml.h"
#include "lazy/lazy_zip.h"
#include "test_support.h"

static char dir[64];

static void test_the_binary_loads_none_of_them_before_main(void)
{
    /* with LD_TRACE_LOADED_OBJECTS the loader lists what it loads and stops */
    CHECK_INT(support_run(dir, "LD_TRACE_LOADED_OBJECTS=1", "--help"), 0);
    CHECK(support_output_has(dir, "libSDL2-2.0.so.0")); /* the list is really there */
    static const char *const lazy[] = {"libpq.so", "libzip.so", "libxml2.so", "libSDL2_image",
                                       "libkrb5", "libgnutls", "libicuuc"};
    for (size_t i = 0; i < sizeof lazy / sizeof lazy[0]; i++)
        if (support_output_has(dir, lazy[i])) {
            printf("    sayso loads %s at start\n", lazy[i]);
            CHECK(!"a lazily opened library is linked");
        }
}

static void test_a_missing_library_names_its_package(void)
{
    static const char *const names[] = {"nothing_here", NULL};
    struct {
        void (*fn_nothing_here)(void);
    } table;
    LazyLib lib = LAZY_LIB_INIT("libsayso-missing.so.7", "libsayso-missing7", names, &table);
    char err[320] = "";
    CHECK(!lazy_lib_ready(&lib, err, sizeof err));
    CHECK(strstr(err, "cannot load libsayso-missing.so.7 (Debian package libsayso-missing7)"));
    char again[320] = "";
    CHECK(!lazy_lib_ready(&lib, again, sizeof again)); /* tried once, said the same */
    CHECK_STR(again, err);
}

static void test_a_missing_function_is_named(void)
{
    static const char *const names[] = {"cos", "sayso_no_such_function", NULL};
    struct {
        double (*fn_cos)(double);
        void (*fn_none)(void);
    } table;
    LazyLib lib = LAZY_LIB_INIT("libm.so.6", "libc6", names, &table);
    char err[320] = "";
    CHECK(!lazy_lib_ready(&lib, err, sizeof err));
    CHECK(strstr(err, "libm.so.6 has no sayso_no_such_function (Debian package libc6"));
}

static void test_the_real_tables_call_the_real_libraries(void)
{
    char err[320] = "";
    CHECK(lazy_pq_ready(err, sizeof err));
    CHECK(lazy_sndfile_ready(err, sizeof err));
    CHECK(lazy_zip_ready(err, sizeof err));
    CHECK(lazy_xml_ready(err, sizeof err));
    CHECK(lazy_systemd_ready(err, sizeof err));
    CHECK_STR(sf_error_number(SF_ERR_NO_ERROR), "No Error.");
    CHECK_INT(PQstatus(NULL), CONNECTION_BAD);
    zip_error_t ze;
    zip_error_init_with_code(&ze, ZIP_ER_NOENT);
    CHECK_STR(zip_error_strerror(&ze), "No such file");
    zip_error_fini(&ze);
    /* not under systemd: there is nobody to tell, and it says so */
    unsetenv("NOTIFY_SOCKET");
    CHECK_INT(sd_notify(0, "READY=1"), 0);
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "lazy") != 0)
        return 1;
    RUN(test_the_binary_loads_none_of_them_before_main);
    RUN(test_a_missing_library_names_its_package);
    RUN(test_a_missing_function_is_named);
    RUN(test_the_real_tables_call_the_real_libraries);
    return support_finish(dir);
}
