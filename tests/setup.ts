// No test leaves the machine: only loopback connections are allowed.
import nock from "nock";

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
