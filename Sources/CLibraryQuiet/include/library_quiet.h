// Keeps C libraries' chatter on stderr (libmpg123's "Note: Illegal Audio-MPEG-Header ..." from
// inside libsndfile) off the terminal without closing file descriptor 2: the C `stderr` stream
// is routed through a function that drops what the calling thread writes while it is inside a
// quiet section and passes everything else on to fd 2 unchanged.
#ifndef REEL_LIBRARY_QUIET_H
#define REEL_LIBRARY_QUIET_H

/// Routes the C `stderr` stream through Reel's writer (once; later calls do nothing).
void reel_route_stderr(void);
/// Begins a quiet section on this thread (sections nest); forgets the last line dropped.
void reel_quiet_begin(void);
/// Ends this thread's innermost quiet section.
void reel_quiet_end(void);
/// The last non-empty line dropped on this thread since its section began ("" for none).
const char *reel_quiet_last_line(void);

#endif
