/* bench/read_files.c: the file-system floor under `retort heads` with the
 * sqldir provider. Reads every *.sql file of a folder the cheapest way a
 * single thread can (openat, one read, close; no parsing, no allocation)
 * and prints how many files and bytes it read. compare.py builds and times
 * it beside retort, so the report shows how much of sqldir's start-up the
 * kernel takes before retort does anything with the files. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: read_files FOLDER\n");
    return 2;
  }
  int folder = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR* listing = folder < 0 ? NULL : fdopendir(dup(folder));
  if (!listing) {
    perror(argv[1]);
    return 1;
  }
  static char buffer[1 << 16];
  long files = 0, bytes = 0;
  for (struct dirent* entry; (entry = readdir(listing));) {
    size_t length = strlen(entry->d_name);
    if (entry->d_name[0] == '.' || length < 5 || strcmp(entry->d_name + length - 4, ".sql") != 0) continue;
    int fd = openat(folder, entry->d_name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      perror(entry->d_name);
      return 1;
    }
    for (ssize_t got; (got = read(fd, buffer, sizeof buffer)) > 0;) {
      bytes += got;
      if ((size_t)got < sizeof buffer) break;
    }
    close(fd);
    ++files;
  }
  closedir(listing);
  printf("%ld files, %ld bytes\n", files, bytes);
  return 0;
}
