#!/usr/bin/env python3
"""Drives a command in a pseudo-terminal as a person would: each step sends keys or waits for text.

Usage: pty_drive.py STEPS_FILE -- COMMAND...
STEPS_FILE has one step a line: "send <text>" (with \\r \\t \\x03 \\x04 escapes) or "expect <text>"
(waits up to 60 s for the text to appear in the output since the last expect) or "exit <code>".
Prints the transcript (escape sequences removed) and exits 0 when every step held, 1 otherwise.
"""
import fcntl, os, pty, re, select, struct, sys, termios, time

def main():
    steps_file = sys.argv[1]
    command = sys.argv[sys.argv.index('--') + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ['TERM'] = 'xterm'
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    seen = b''
    consumed = 0

    def read(timeout):
        nonlocal seen
        r, _, _ = select.select([fd], [], [], timeout)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return False
            if not data:
                return False
            seen += data
        return True

    def plain(b):
        return re.sub(r'\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r', '', b.decode('utf-8', 'replace'))

    def match_end(start, arg):
        # The shortest prefix of the raw bytes after start whose plain text holds arg.
        end = start
        while arg not in plain(seen[start:end]):
            end += 1
        return end

    ok = True
    for line in open(steps_file, encoding='utf-8').read().splitlines():
        if not line.strip():
            continue
        kind, _, arg = line.partition(' ')
        arg = arg.encode('utf-8').decode('unicode_escape')
        if kind == 'send':
            time.sleep(0.2)
            os.write(fd, arg.encode('utf-8'))
        elif kind == "sleep":
            deadline = time.time() + float(arg)
            while time.time() < deadline:
                read(0.05)
        elif kind == 'expect':
            deadline = time.time() + 60
            while arg not in plain(seen[consumed:]) and time.time() < deadline:
                if not read(0.2):
                    break
            text = plain(seen[consumed:])
            if arg not in text:
                print('MISSING: %r' % arg)
                ok = False
                break
            # Consume up to the end of the match only: what follows it may have come in the same read (the
            # prompt right after the banner) and is for the next expect.
            consumed = match_end(consumed, arg)
        elif kind == 'exit':
            deadline = time.time() + 60
            status = None
            while time.time() < deadline:
                read(0.1)
                done, st = os.waitpid(pid, os.WNOHANG)
                if done:
                    status = os.waitstatus_to_exitcode(st)
                    break
            if status != int(arg):
                print('EXIT: expected %s, got %r' % (arg, status))
                ok = False
            pid = None
            break
    if pid:
        try:
            os.kill(pid, 9)
        except OSError:
            pass
    print('TRANSCRIPT:')
    print(plain(seen))
    sys.exit(0 if ok else 1)

main()
