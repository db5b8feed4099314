import AlertCore
import Gazetteer
