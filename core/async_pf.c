/* core/async_pf.c: (being written, issue "Request core II"). */
#include "async_pf.h"
