/* test_store_file.c: the database as a file on the disk (src/store):
 * made 0600 with its -wal and -shm (people's answers are for the kiosk's
 * user alone), a reserve of space beside it, and a folder that cannot be
 * written named as the thing to fix. The full disk itself is proven on a
 * real small disk by tests/sys_disk_full.sh. */
#include "test_support.h"

#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static int mode_of(const char *name)
{
    char path[256];
    struct stat st;
    support_path_in(dir, name, path, sizeof path);
    return stat(path, &st) == 0 ? (int)(st.st_mode & 0777) : -1;
}

static void test_database_files_are_private(void)
{
    char path[256], err[512], session[STORE_UUID_SIZE];
    support_path_in(dir, "private.db", path, sizeof path);
    mode_t old = umask(022);
    Store *store = store_open(path, err, sizeof err);
    umask(old);
    CHECK(store);
    int rc = store_session_begin(store, &support_forum_session, session);
    int db = mode_of("private.db"), wal = mode_of("private.db-wal"), shm = mode_of("private.db-shm");
    int reserve = mode_of("private.db-reserve");
    store_close(store);
    CHECK_INT(rc, 0);
    CHECK_INT(db, 0600);
    CHECK_INT(wal, 0600);
    CHECK_INT(shm, 0600);
    CHECK_INT(reserve, 0600);
}

/* The reserve is on the disk (allocated, not a sparse promise), and a
 * store that has it takes answers. */
static void test_reserve_is_allocated(void)
{
    char path[256], err[512];
    struct stat st;
    support_path_in(dir, "reserve.db", path, sizeof path);
    Store *store = store_open(path, err, sizeof err);
    CHECK(store);
    bool taking = store_taking_answers(store);
    const char *problem = store_space_problem(store);
    bool none = problem && !problem[0];
    store_close(store);
    CHECK(taking);
    CHECK(none);
    support_path_in(dir, "reserve.db-reserve", path, sizeof path);
    CHECK_INT(stat(path, &st), 0);
    CHECK(st.st_size >= 4 * 1024 * 1024);
    CHECK((long long)st.st_blocks * 512 >= (long long)st.st_size);
}

/* A database the kiosk's user may write, in a folder it may not: SQLite
 * cannot make its -wal file, and the message names the folder. Run as
 * "nobody" (root may write anywhere). */
static void test_read_only_folder_is_named(void)
{
    char folder[256], path[320];
    int pipe_fd[2];
    support_path_in(dir, "locked", folder, sizeof folder);
    CHECK_INT(mkdir(folder, 0755), 0);
    snprintf(path, sizeof path, "%s/sayso.db", folder);
    FILE *f = fopen(path, "w");
    CHECK(f);
    fclose(f);
    chmod(path, 0666);
    if (getuid() != 0)
        chmod(folder, 0555);
    CHECK_INT(pipe(pipe_fd), 0);
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        char err[512] = "";
        if (getuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(2);
        Store *store = store_open(path, err, sizeof err);
        const char *said = store ? "opened" : err;
        ssize_t wrote = write(pipe_fd[1], said, strlen(said));
        _exit(store || wrote < 0 ? 1 : 0);
    }
    close(pipe_fd[1]);
    char text[512];
    ssize_t n = read(pipe_fd[0], text, sizeof text - 1);
    text[n > 0 ? n : 0] = '\0';
    close(pipe_fd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    chmod(folder, 0755);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        printf("    got: %s\n", text);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char want[700];
    snprintf(want, sizeof want, "cannot save to %s: its folder %s cannot be written", path, folder);
    CHECK(strstr(text, want) != NULL);
}

int main(void)
{
    if (support_temp_dir(dir, sizeof dir, "storefile") != 0)
        return 1;
    chmod(dir, 0755); /* "nobody" must reach the folder inside */
    RUN(test_database_files_are_private);
    RUN(test_reserve_is_allocated);
    RUN(test_read_only_folder_is_named);
    return support_finish(dir);
}
