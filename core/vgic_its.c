/* core/vgic_its.c: (being written, issue "Request core II"). */
#include "vgic_its.h"
