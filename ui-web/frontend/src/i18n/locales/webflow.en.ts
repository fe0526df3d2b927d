// English messages of the job page's result per test point (`pointResults`) and of other
// parties' bookings on the calendar (`busyBooking`).
const webflowEn = {
    pointResults: {
        unit: 'Per test point, in {unit}',
        point: 'Point',
        nominal: 'Nominal',
        indication: 'Device mean',
        reference: 'Reference',
        error: 'Error',
        U: 'U',
        k: 'k',
        conformity: 'Conformity',
    },
    busyBooking: {
        label: 'Taken',
        title: 'The equipment is taken',
    },
};

export default webflowEn;
