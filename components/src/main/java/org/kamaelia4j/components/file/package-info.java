/**
 * Kamaelia's file components: read a file, write a file, run a process.
 *
 * <pre>{@code
 * new Pipeline(FileReader.bytes(Path.of("in.log")), new UnixProcess(List.of("gzip", "-c")),
 *         new FileWriter(Path.of("in.log.gz"), FileWriter.Mode.WHOLE_FILE)).run();
 * }</pre>
 *
 * <p>{@link org.kamaelia4j.components.file.FileReader} sends a file as byte chunks or lines: as
 * fast as the destination takes them, at a fixed rate, or one chunk per prompt.
 * {@link org.kamaelia4j.components.file.FileWriter} truncates, appends, or writes the whole file
 * atomically (temporary file, then rename). {@link org.kamaelia4j.components.file.UnixProcess}
 * connects a child process's standard input, output and error to boxes and reports its exit code.
 *
 * <h2>Errors</h2>
 * A path that cannot be opened, read or written (missing, a directory, under a missing directory,
 * no permission), a program that cannot be started, or a process that stops reading its input
 * ends the component with an {@code ErrorInformation} on {@code signal} whose message names the
 * path or command and the cause. Nothing is lost silently.
 *
 * <h2>Threading</h2>
 * All three are {@link org.kamaelia4j.components.util.Transformer}s, so shutdown and
 * back-pressure work as everywhere in the library. The file reader and writer do their I/O in
 * their slices, a few kilobytes at a time on regular files, which never holds a scheduler worker
 * for long. The process's pipes can block indefinitely, so {@code UnixProcess} does that I/O on
 * three virtual threads that hand over through bounded
 * {@link org.kamaelia4j.components.util.ThreadFeed}s; a full destination blocks its reader, and
 * through the pipe the process itself. The rate-controlled reader is woken by the shared
 * {@link org.kamaelia4j.components.util.WakeTimer}; nothing sleeps in a slice.
 */
package org.kamaelia4j.components.file;
