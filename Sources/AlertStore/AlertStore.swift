import AlertCore
import GRDB
