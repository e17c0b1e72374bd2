// Hold the port for the whole build, as another program on the machine would.
def socket = new ServerSocket(47391, 50, InetAddress.getByName('127.0.0.1'))
context.put('socket', socket)
