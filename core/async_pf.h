/* core/async_pf.h: (being written, issue "Request core II"). */
#ifndef REQSIM_ASYNC_PF_H
#define REQSIM_ASYNC_PF_H
#include "kvm_host.h"
#endif
