#!/usr/bin/python3
"""A pymodbus server holding the documented register maps, for callab's integration tests.
Unit 1 holds the ir-thermometer, eastron-sdm and word-order maps, unit 2 the env-sensor map.

Usage: pymodbus_server.py tcp PORT | rtu DEVICE BAUD
Values are packed here with Python's struct module, independently of callab's codec.
Prints "ready" once the datastore is built; the server runs until killed.
"""
import logging
import struct
import sys

from pymodbus.datastore import (ModbusSequentialDataBlock, ModbusServerContext,
                                ModbusSlaveContext)
from pymodbus.server import StartSerialServer, StartTcpServer
from pymodbus.transaction import ModbusRtuFramer, ModbusSocketFramer

logging.basicConfig(level=logging.ERROR)


def words(value, fmt, order):
    """Two registers holding `value` packed big-endian with `fmt`, laid out in `order`."""
    a, b, c, d = struct.pack(">" + fmt, value)
    layout = {"ABCD": (a, b, c, d), "CDAB": (c, d, a, b),
              "BADC": (b, a, d, c), "DCBA": (d, c, b, a)}[order]
    return [layout[0] << 8 | layout[1], layout[2] << 8 | layout[3]]


holding = [0] * 400
inputs = [0] * 400

# ir-thermometer: holding 0 object 37.1 °C, 1 ambient 23.0 °C, 2 emissivity 0.950
holding[0:3] = [371, 230, 950]
# eastron-sdm: float32 ABCD input registers
for address, value in [(0, 230.2), (6, 5.0), (12, 1127.98), (18, 1151.0), (24, 229.2),
                       (30, 0.98), (70, 50.0)]:
    inputs[address:address + 2] = words(value, "f", "ABCD")
# float32, int32 and uint32 in every word order, for the word-order profile
for i, order in enumerate(["ABCD", "CDAB", "BADC", "DCBA"]):
    inputs[100 + 2 * i:102 + 2 * i] = words(36.55, "f", order)
    inputs[120 + 2 * i:122 + 2 * i] = words(-123456789, "i", order)
    inputs[140 + 2 * i:142 + 2 * i] = words(4000000000, "I", order)

# Unit 2, env-sensor (SHT20 example values): input 1 = 0xFF33 (-20.5 °C), input 2 = 546 (54.6 %RH)
sensor_inputs = [0] * 16
sensor_inputs[1:3] = [0xFF33, 546]

device = ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, holding),
                            ir=ModbusSequentialDataBlock(0, inputs), zero_mode=True)
sensor = ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, [0] * 400),
                            ir=ModbusSequentialDataBlock(0, sensor_inputs), zero_mode=True)
context = ModbusServerContext(slaves={1: device, 2: sensor}, single=False)
print("ready", flush=True)
if sys.argv[1] == "tcp":
    StartTcpServer(context=context, address=("127.0.0.1", int(sys.argv[2])),
                   framer=ModbusSocketFramer)
else:
    StartSerialServer(context=context, framer=ModbusRtuFramer, port=sys.argv[2],
                      baudrate=int(sys.argv[3]), parity="N", stopbits=1, bytesize=8)
