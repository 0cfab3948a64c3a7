/* core/kick_all.h: (being written, issue "Request core II"). */
#ifndef REQSIM_KICK_ALL_H
#define REQSIM_KICK_ALL_H
#include "kvm_host.h"
#endif
