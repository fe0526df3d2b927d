#pragma once

#include <callab/drivers/errc.hpp>

namespace callab::drivers {

/// Maps the errno a failed libmodbus call leaves behind to the driver error it means.
errc modbus_errno_to_errc(int error_number);

/// True when the error leaves the connection unusable, so the next try must reconnect.
bool breaks_connection(errc e);

} // namespace callab::drivers
