# Sleeps DELAY_MS, then serves HTTP on 8080. PID 1 traps TERM so that every tool's stop is
# immediate rather than Docker's 10 s grace period before SIGKILL.
trap 'exit 0' TERM INT
sleep "$(busybox awk "BEGIN { print ${DELAY_MS:-0} / 1000 }")"
busybox httpd -f -p 8080 -h /www &
wait
