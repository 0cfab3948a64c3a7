/* core/kick_all.c: (being written, issue "Request core II"). */
#include "kick_all.h"
