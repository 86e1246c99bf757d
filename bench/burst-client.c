/*
 * Load generator of bench/webhook-bench.ts (not product code): sends pre-serialised HTTP/1.1
 * requests to 127.0.0.1:<port>, each on its own new TCP connection, and prints per request, as
 * JSON, the milliseconds from starting its connect to the first bytes of the answer, and the
 * HTTP status. With <gap-ms> 0 every connection is started at once (a burst); otherwise one
 * every <gap-ms>.
 *
 * Why native: on a 2-core machine a Node.js load generator spends about as much CPU per request
 * as the server it measures, and its own event loop stamps answers late while it is still busy
 * opening connections; this one costs microseconds per request, so the figures are the server's.
 *
 * Input file: for each request a 4-byte little-endian length, then the request bytes.
 * Usage: burst-client <port> <requests-file> <gap-ms>
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_REQUESTS 100000
#define TIMEOUT_MS 60000

struct request {
  char *bytes;
  uint32_t length;
  uint32_t written;
  int fd;
  double started;
  double latency; /* to the first bytes of the answer; 0 until they arrive */
  int status;
  char head[16]; /* the first bytes of the answer, until the status code is in */
  int head_length;
  int done;
};

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void fail(const char *what) {
  fprintf(stderr, "burst-client: %s: %s\n", what, strerror(errno));
  exit(2);
}

static struct request *read_requests(const char *path, int *count) {
  FILE *file = fopen(path, "rb");
  if (file == NULL) fail(path);
  struct request *requests = calloc(MAX_REQUESTS, sizeof *requests);
  if (requests == NULL) fail("calloc");
  int n = 0;
  uint8_t prefix[4];
  while (n < MAX_REQUESTS && fread(prefix, 1, 4, file) == 4) {
    uint32_t length = prefix[0] | prefix[1] << 8 | prefix[2] << 16 | (uint32_t)prefix[3] << 24;
    requests[n].bytes = malloc(length);
    if (requests[n].bytes == NULL || fread(requests[n].bytes, 1, length, file) != length) {
      fprintf(stderr, "burst-client: %s is truncated\n", path);
      exit(2);
    }
    requests[n].length = length;
    requests[n].fd = -1;
    n++;
  }
  fclose(file);
  *count = n;
  return requests;
}

static void start(struct request *r, int epoll, const struct sockaddr_in *address, uint32_t index) {
  r->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (r->fd < 0) fail("socket");
  r->started = now_ms();
  if (connect(r->fd, (const struct sockaddr *)address, sizeof *address) < 0 && errno != EINPROGRESS)
    fail("connect");
  struct epoll_event event = {.events = EPOLLOUT | EPOLLIN, .data.u32 = index};
  if (epoll_ctl(epoll, EPOLL_CTL_ADD, r->fd, &event) < 0) fail("epoll_ctl");
}

/* The status code of "HTTP/1.x NNN", once the first 12 bytes are in; 0 otherwise. */
static int status_of(const struct request *r) {
  if (r->head_length < 12 || strncmp(r->head, "HTTP/1.", 7) != 0) return 0;
  char code[4] = {r->head[9], r->head[10], r->head[11], '\0'};
  return atoi(code);
}

static void finish(struct request *r, int epoll, double at) {
  if (r->latency == 0) r->latency = at - r->started;
  r->status = status_of(r);
  r->done = 1;
  epoll_ctl(epoll, EPOLL_CTL_DEL, r->fd, NULL);
  close(r->fd);
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: burst-client <port> <requests-file> <gap-ms>\n");
    return 2;
  }
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1]))};
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  double gap = atof(argv[3]);
  /* A server that closes a connection before reading the request must not kill the client. */
  signal(SIGPIPE, SIG_IGN);
  int count = 0;
  struct request *requests = read_requests(argv[2], &count);
  int epoll = epoll_create1(0);
  if (epoll < 0) fail("epoll_create1");

  double began = now_ms();
  int started = 0, done = 0;
  struct epoll_event events[256];
  char buffer[4096];
  while (done < count) {
    while (started < count && (gap <= 0 || now_ms() >= began + gap * started)) {
      start(&requests[started], epoll, &address, (uint32_t)started);
      started++;
    }
    int wait = started < count ? 1 : 1000;
    int ready = epoll_wait(epoll, events, 256, wait);
    if (ready < 0 && errno != EINTR) fail("epoll_wait");
    double at = now_ms();
    for (int i = 0; i < ready; i++) {
      struct request *r = &requests[events[i].data.u32];
      if (r->done) continue;
      if ((events[i].events & EPOLLOUT) && r->written < r->length) {
        ssize_t n = write(r->fd, r->bytes + r->written, r->length - r->written);
        if (n < 0 && errno != EAGAIN) {
          finish(r, epoll, at);
          done++;
          continue;
        }
        if (n > 0) r->written += (uint32_t)n;
        if (r->written == r->length) {
          struct epoll_event event = {.events = EPOLLIN, .data.u32 = events[i].data.u32};
          epoll_ctl(epoll, EPOLL_CTL_MOD, r->fd, &event);
        }
      }
      if (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
        ssize_t n = read(r->fd, buffer, sizeof buffer);
        if (n < 0 && errno == EAGAIN) continue;
        if (n > 0 && r->latency == 0) r->latency = at - r->started;
        for (ssize_t k = 0; k < n && r->head_length < (int)sizeof r->head; k++)
          r->head[r->head_length++] = buffer[k];
        /* Done once the status code is in, or the connection ended or failed without it. */
        if (n <= 0 || r->head_length >= 12) {
          finish(r, epoll, at);
          done++;
        }
      }
    }
    if (at - began > TIMEOUT_MS + gap * count) {
      fprintf(stderr, "burst-client: %d of %d requests unanswered after %d ms\n", count - done, count,
              TIMEOUT_MS);
      return 1;
    }
  }
  printf("[");
  for (int i = 0; i < count; i++)
    printf("%s{\"ms\":%.3f,\"status\":%d}", i > 0 ? "," : "", requests[i].latency, requests[i].status);
  printf("]\n");
  return 0;
}
