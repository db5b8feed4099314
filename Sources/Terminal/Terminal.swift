import AlertUI
import CNcurses
